package vn.congvan.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param enabled whether to load the demo units and the sample dispatches at start-up (never in production) */
@ConfigurationProperties("congvan.demo")
record DemoProperties(boolean enabled) {}
