package vn.congvan.system;

import java.util.concurrent.Executor;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.aop.interceptor.SimpleAsyncUncaughtExceptionHandler;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.scheduling.annotation.AsyncConfigurer;

/**
 * In tests the after-commit listeners ({@code @ApplicationModuleListener}) run on the thread that committed, once
 * it has committed, so that nothing races the assertions (as the tests run the outbox and extraction queues
 * themselves). What matters is kept: they still run after the commit, in a transaction of their own, and what they
 * throw is logged, not passed back to the publisher, leaving the event publication incomplete for a retry.
 */
@Configuration(proxyBeanMethods = false)
@Profile("test")
class AfterCommitListenersInThread implements AsyncConfigurer {

    @Override
    public Executor getAsyncExecutor() {
        return new SyncTaskExecutor();
    }

    @Override
    public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
        return new SimpleAsyncUncaughtExceptionHandler();
    }
}
