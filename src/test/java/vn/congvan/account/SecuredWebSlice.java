package vn.congvan.account;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import org.springframework.context.annotation.Import;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.PlatformTransactionManager;
import vn.congvan.delivery.DeliveryLedger;
import vn.congvan.delivery.web.InboxBadge;
import vn.congvan.dispatch.PublicCatalogVersion;
import vn.congvan.dispatch.Viewers;
import vn.congvan.system.SiteMessages;
import vn.congvan.system.Times;
import vn.congvan.system.VietnamZone;

/**
 * Goes with {@code @WebMvcTest}: the portal's own security rules ({@link SecurityConfiguration}: roles per URL,
 * CSRF, the login page) in front of the controllers under test, and stand-ins for what those rules, the web
 * configuration and the layouts need from outside the web layer (accounts, sessions, the catalogue stamp, the inbox
 * badge). The controllers' own collaborators are the test's to mock.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import({SecurityConfiguration.class, Times.class, InboxBadge.class, VietnamZone.class, SiteMessages.class})
@MockitoBean(
        types = {
            AccountUserDetailsService.class,
            LoginFailures.class,
            FindByIndexNameSessionRepository.class,
            PlatformTransactionManager.class,
            Clock.class,
            PublicCatalogVersion.class,
            DeliveryLedger.class,
            Viewers.class
        })
public @interface SecuredWebSlice {}
