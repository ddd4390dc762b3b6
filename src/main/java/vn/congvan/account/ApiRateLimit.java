package vn.congvan.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket per caller of the API: per personal access token, per account for a browser session, per address
 * for an anonymous caller. Kept in this instance's memory: with two instances behind the proxy each one counts on its
 * own, so the real limit is the configured one times the number of instances (ADR 0042). A refused request is a 429
 * with {@code Retry-After} in whole seconds.
 */
final class ApiRateLimit extends OncePerRequestFilter {

    /** Buckets that have been full for this long are dropped, so that a crowd of addresses does not fill the memory. */
    private static final int SWEEP_EVERY = 4096;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private final int capacity;

    private final double refillPerNano;

    private final LongSupplier nanoTime;

    private int sinceSweep;

    ApiRateLimit(int requestsPerMinute, LongSupplier nanoTime) {
        this.capacity = Math.max(1, requestsPerMinute);
        this.refillPerNano = this.capacity / 60e9;
        this.nanoTime = nanoTime;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long waitNanos = take(callerOf(request));
        if (waitNanos > 0) {
            long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            ApiProblems.write(
                    request,
                    response,
                    HttpStatus.TOO_MANY_REQUESTS,
                    MessageFormat.format(ApiProblems.TOO_MANY, seconds));
            return;
        }
        chain.doFilter(request, response);
    }

    private static String callerOf(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof TokenAuthentication token) {
            return "token:" + token.tokenId();
        }
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
            return "account:" + user.accountId();
        }
        return "address:" + request.getRemoteAddr();
    }

    /** Takes one request from the caller's bucket: 0 if allowed, otherwise how long until the next one would be. */
    long take(String caller) {
        long now = nanoTime.getAsLong();
        sweep(now);
        Bucket bucket = buckets.computeIfAbsent(caller, key -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.refill(now, capacity, refillPerNano);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - bucket.tokens) / refillPerNano);
        }
    }

    private void sweep(long now) {
        synchronized (this) {
            if (++sinceSweep < SWEEP_EVERY) {
                return;
            }
            sinceSweep = 0;
        }
        buckets.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                entry.getValue().refill(now, capacity, refillPerNano);
                return entry.getValue().tokens >= capacity;
            }
        });
    }

    private static final class Bucket {

        private double tokens;

        private long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        void refill(long now, int capacity, double refillPerNano) {
            if (now > at) {
                tokens = Math.min(capacity, tokens + (now - at) * refillPerNano);
                at = now;
            }
        }
    }
}
