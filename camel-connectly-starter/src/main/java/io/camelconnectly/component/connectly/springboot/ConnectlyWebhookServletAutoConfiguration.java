package io.camelconnectly.component.connectly.springboot;

import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On a servlet web application (camel-platform-http-starter's engine), bounds the body of posts to
 * {@code connectly:webhook} paths by each endpoint's {@code maxBodySize}: see {@link ConnectlyWebhookBodyLimitFilter}.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.connectly"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(OncePerRequestFilter.class)
public class ConnectlyWebhookServletAutoConfiguration {

    /** After the other filters (encoding, security), right before the dispatcher: they may refuse without reading. */
    public static final int FILTER_ORDER = Ordered.LOWEST_PRECEDENCE - 100;

    @Bean
    public ConnectlyWebhookEndpoints connectlyWebhookEndpoints() {
        return new ConnectlyWebhookEndpoints();
    }

    @Bean
    public FilterRegistrationBean<ConnectlyWebhookBodyLimitFilter> connectlyWebhookBodyLimitFilter(
            ConnectlyWebhookEndpoints endpoints) {
        FilterRegistrationBean<ConnectlyWebhookBodyLimitFilter> registration
                = new FilterRegistrationBean<>(new ConnectlyWebhookBodyLimitFilter(endpoints));
        registration.setName("connectlyWebhookBodyLimitFilter");
        registration.setOrder(FILTER_ORDER);
        return registration;
    }
}
