package vn.congvan.account.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.congvan.account.CurrentUser;
import vn.congvan.account.NewToken;
import vn.congvan.account.PersonalAccessTokens;
import vn.congvan.account.Role;
import vn.congvan.account.TokenScope;
import vn.congvan.account.TokenSummary;

/**
 * Mã truy cập cá nhân: the signed-in person makes and revokes the tokens with which other tools call the REST API for
 * them (ADR 0042). A new token is shown once, on the page the form's POST redirects to (ADR 0065): a refresh of that
 * page asks for the list again and makes no second token, and no longer shows the secret.
 */
@Controller
@RequestMapping("/tai-khoan/ma-truy-cap")
class AccessTokenController {

    static final String VIEW = "account/tokens";

    private final PersonalAccessTokens tokens;

    private final MessageSource messages;

    private final Clock clock;

    AccessTokenController(PersonalAccessTokens tokens, MessageSource messages, Clock clock) {
        this.tokens = tokens;
        this.messages = messages;
        this.clock = clock;
    }

    @ModelAttribute("tokenForm")
    TokenForm tokenForm() {
        return new TokenForm();
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        fill(user, model);
        return VIEW;
    }

    /**
     * Makes a token and redirects to the list (Post/Redirect/Get), the secret in a flash attribute: it is in the
     * session only until the redirected page is drawn, which takes it out (ADR 0065). A refused form is answered with
     * the page and its errors; nothing was made, so posting it again makes nothing either.
     */
    @PostMapping
    String create(
            @AuthenticationPrincipal CurrentUser user,
            @Valid @ModelAttribute("tokenForm") TokenForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (form.getScope() == TokenScope.CLERK && !user.roles().contains(Role.CLERK)) {
            result.rejectValue("scope", "account.tokens.scope.notClerk");
        }
        if (result.hasErrors()) {
            fill(user, model);
            return VIEW;
        }
        NewToken created = tokens.create(user, form.getName(), form.getScope(), form.getExpiresOn());
        // Two strings, not the NewToken: a flash attribute is serialised into the session store.
        redirect.addFlashAttribute("createdName", created.token().name());
        redirect.addFlashAttribute("createdSecret", created.secret());
        return "redirect:/tai-khoan/ma-truy-cap";
    }

    @PostMapping("/{id}/thu-hoi")
    String revoke(@AuthenticationPrincipal CurrentUser user, @PathVariable Long id, RedirectAttributes redirect) {
        if (tokens.revoke(user, id)) {
            redirect.addFlashAttribute("flash", "account.tokens.revoked");
        }
        return "redirect:/tai-khoan/ma-truy-cap";
    }

    private void fill(CurrentUser user, Model model) {
        Instant now = clock.instant();
        model.addAttribute(
                "tokens",
                tokens.ofAccount(user.accountId()).stream()
                        .map(token -> TokenRow.of(token, now))
                        .toList());
        Map<String, String> scopes = new LinkedHashMap<>();
        for (TokenScope scope : TokenScope.values()) {
            if (scope != TokenScope.CLERK || user.roles().contains(Role.CLERK)) {
                scopes.put(
                        scope.name(),
                        messages.getMessage(
                                "account.tokens.scope." + scope.name(), null, LocaleContextHolder.getLocale()));
            }
        }
        model.addAttribute("scopes", scopes);
    }

    /** A token as a line of the table: its times in Vietnam time, and whether it still works. */
    record TokenRow(TokenSummary token, String created, String expires, String lastUsed, String state) {

        private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

        static TokenRow of(TokenSummary token, Instant now) {
            String state = token.isRevoked() ? "revoked" : token.isExpiredAt(now) ? "expired" : "active";
            return new TokenRow(
                    token, format(token.createdAt()), format(token.expiresAt()), format(token.lastUsedAt()), state);
        }

        private static String format(Instant instant) {
            return instant == null ? null : TIME.format(instant.atZone(VIETNAM));
        }
    }
}
