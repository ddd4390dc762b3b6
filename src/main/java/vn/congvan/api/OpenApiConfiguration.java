package vn.congvan.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's description at {@code /v3/api-docs}, browsable at {@code /swagger-ui.html} (springdoc, ADR 0042). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "maTruyCap";

    @Bean
    OpenAPI congvanOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Cổng phát hành công văn: API")
                        .version("v1")
                        .description(
                                "Công văn công khai cho mọi người; hộp văn bản đến, xác nhận và báo cáo của đơn vị "
                                        + "với mã truy cập cá nhân (tạo tại /tai-khoan/ma-truy-cap), gửi trong tiêu đề "
                                        + "Authorization: Bearer cvn_…. Danh sách phân trang (page từ 1, size tối đa 100, "
                                        + "tiêu đề Link rel=next), có ETag; lỗi theo RFC 9457 (application/problem+json); "
                                        + "giới hạn số yêu cầu mỗi phút cho mỗi mã (429, Retry-After)."))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("cvn_…")
                                        .description("Mã truy cập cá nhân")));
    }
}
