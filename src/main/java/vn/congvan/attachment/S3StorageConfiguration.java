package vn.congvan.attachment;

import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** The S3-compatible file store instead of the file-system one, with {@code congvan.attachment.storage=s3}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "congvan.attachment.storage", havingValue = "s3")
class S3StorageConfiguration {

    @Bean(destroyMethod = "close")
    S3Client attachmentS3Client(S3StorageProperties properties) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(properties.region()))
                .credentialsProvider(credentials(properties))
                .forcePathStyle(properties.pathStyle())
                // Checksums only where the API demands them: several S3-compatible servers do not take the SDK's
                // default trailing checksums. The SHA-256 of every file is kept in the database anyway.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (properties.endpoint() != null) {
            builder.endpointOverride(properties.endpoint());
        }
        return builder.build();
    }

    @Bean
    S3AttachmentStorage s3AttachmentStorage(
            S3Client attachmentS3Client, S3StorageProperties properties, AttachmentProperties attachment)
            throws IOException {
        return new S3AttachmentStorage(attachmentS3Client, properties, attachment);
    }

    private static AwsCredentialsProvider credentials(S3StorageProperties properties) {
        if (properties.accessKey() == null || properties.accessKey().isBlank()) {
            return DefaultCredentialsProvider.builder().build();
        }
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(properties.accessKey(), properties.secretKey()));
    }
}
