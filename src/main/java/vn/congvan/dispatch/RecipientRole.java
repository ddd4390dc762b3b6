package vn.congvan.dispatch;

/** "Kính gửi" (the addressees) or "Nơi nhận" (the distribution list). */
enum RecipientRole {
    ADDRESSEE,
    DISTRIBUTION
}
