package vn.congvan.attachment;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The S3-compatible file store, used when {@code congvan.attachment.storage=s3} (ADR 0020).
 *
 * @param endpoint the service's address (an S3-compatible server such as MinIO, Ceph or S3Proxy); empty for AWS
 * @param region the signing region
 * @param bucket the bucket, which must exist
 * @param accessKey the access key; empty to take the SDK's default credentials (environment, instance profile)
 * @param secretKey the secret key
 * @param pathStyle whether to address the bucket in the path ({@code endpoint/bucket/key}), as most self-hosted
 *     servers want, rather than as a host name
 * @param prefix what every object key starts with, so that the bucket can hold other things too
 * @param multipartThreshold files larger than this are sent in parts
 * @param partSize the size of each part (S3 wants at least 5 MB for all but the last)
 */
@ConfigurationProperties("congvan.attachment.s3")
record S3StorageProperties(
        URI endpoint,
        @DefaultValue("us-east-1") String region,
        String bucket,
        String accessKey,
        String secretKey,
        @DefaultValue("false") boolean pathStyle,
        @DefaultValue("objects/") String prefix,
        @DefaultValue("16MB") DataSize multipartThreshold,
        @DefaultValue("8MB") DataSize partSize) {}
