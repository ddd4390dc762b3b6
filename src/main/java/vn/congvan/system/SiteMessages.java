package vn.congvan.system;

import java.text.MessageFormat;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.HierarchicalMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.AbstractMessageSource;

/**
 * The message keys {@code site.name} and {@code site.superior} answer from {@link SiteProperties}, as the parent of the
 * message bundles: every template, page title and message that names the site keeps asking the bundles for it
 * (including pages added later), and an installation names itself in configuration alone. The bundles do not hold
 * these keys, so a value typed there cannot shadow the configured one. Public for the web slices, which import it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SiteProperties.class)
public class SiteMessages {

    static final String NAME = "site.name";

    static final String SUPERIOR = "site.superior";

    /** Static, so that it is registered before the message source it adjusts is created. */
    @Bean
    static BeanPostProcessor siteMessagesAsParent(ObjectProvider<SiteProperties> site) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME.equals(beanName)
                        && bean instanceof HierarchicalMessageSource messages
                        && messages.getParentMessageSource() == null) {
                    messages.setParentMessageSource(new SiteMessageSource(site.getObject()));
                }
                return bean;
            }
        };
    }

    static final class SiteMessageSource extends AbstractMessageSource {

        private final SiteProperties site;

        SiteMessageSource(SiteProperties site) {
            this.site = site;
        }

        @Override
        protected String resolveCodeWithoutArguments(String code, Locale locale) {
            return switch (code) {
                case NAME -> site.name(locale);
                case SUPERIOR -> site.superior(locale);
                default -> null;
            };
        }

        @Override
        protected MessageFormat resolveCode(String code, Locale locale) {
            String text = resolveCodeWithoutArguments(code, locale);
            // Quoted whole: a name with an apostrophe or a brace is shown as configured, never read as a pattern.
            return text == null ? null : new MessageFormat("'" + text.replace("'", "''") + "'", locale);
        }
    }
}
