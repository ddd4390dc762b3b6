package vn.congvan.account.web;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * them (ADR 0042). A new token's secret is shown once, in the answer to the POST that made it, and kept nowhere else;
 * the form carries a random id, so a refresh of that answer (the same form posted again) makes no second token and
 * says so (ADR 0065).
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
     * Makes a token and answers the page with its secret. The secret is not put in the session or anywhere else to be
     * shown again (ADR 0042): a refresh posts the same form, whose id has made its token already, and is answered with
     * the list and a note saying so (ADR 0065). A refused form is answered with the page and its errors.
     */
    @PostMapping
    String create(
            @AuthenticationPrincipal CurrentUser user,
            @Valid @ModelAttribute("tokenForm") TokenForm form,
            BindingResult result,
            Model model) {
        if (form.getScope() == TokenScope.CLERK && !user.roles().contains(Role.CLERK)) {
            result.rejectValue("scope", "account.tokens.scope.notClerk");
        }
        if (result.hasErrors()) {
            fill(user, model);
            return VIEW;
        }
        Optional<NewToken> created =
                tokens.create(user, form.getName(), form.getScope(), form.getExpiresOn(), form.getRequest());
        created.ifPresentOrElse(
                token -> {
                    model.addAttribute("createdName", token.token().name());
                    model.addAttribute("createdSecret", token.secret());
                },
                () -> model.addAttribute(
                        "flashErrors",
                        List.of(messages.getMessage(
                                "account.tokens.alreadyMade", null, LocaleContextHolder.getLocale()))));
        // A fresh form, with an id of its own, for the next token.
        model.addAttribute("tokenForm", new TokenForm());
        fill(user, model);
        return VIEW;
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
