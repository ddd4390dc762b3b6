package vn.congvan.organization.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The signed-in people of the admin screens' tests. */
final class Admins {

    private Admins() {}

    static RequestPostProcessor admin() {
        return user("admin").roles("ADMIN");
    }

    static RequestPostProcessor member() {
        return user("member").roles("MEMBER");
    }
}
