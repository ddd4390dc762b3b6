package vn.congvan.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The refusals that the API's filters answer before any controller runs (401, 403, 429), as RFC 9457 problem details
 * with a Vietnamese {@code detail}, the same shape as the controllers' errors.
 */
final class ApiProblems {

    static final String UNAUTHORIZED = "Thiếu mã truy cập, hoặc mã truy cập sai, đã hết hạn hay đã bị thu hồi.";

    static final String READ_ONLY = "Mã truy cập này chỉ được đọc; thao tác này cần mã truy cập phạm vi văn thư.";

    static final String FORBIDDEN = "Tài khoản không có quyền thực hiện thao tác này.";

    static final String TOO_MANY = "Quá nhiều yêu cầu; xin thử lại sau {0} giây.";

    private ApiProblems() {}

    static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":" + quote(status.getReasonPhrase()) + ",\"status\":"
                        + status.value() + ",\"detail\":" + quote(detail) + ",\"instance\":"
                        + quote(request.getRequestURI()) + "}");
    }

    static String quote(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
