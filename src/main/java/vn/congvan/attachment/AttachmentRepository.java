package vn.congvan.attachment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AttachmentRepository extends JpaRepository<Attachment, Long> {

    List<Attachment> findByDispatchIdOrderByPositionAsc(Long dispatchId);

    List<Attachment> findByDispatchIdInOrderByDispatchIdAscPositionAsc(Collection<Long> dispatchIds);

    Optional<Attachment> findByIdAndDispatchId(Long id, Long dispatchId);

    @Query("select coalesce(max(a.position), 0) from Attachment a where a.dispatchId = :dispatchId")
    int lastPosition(Long dispatchId);

    boolean existsByDispatchIdAndSha256(Long dispatchId, String sha256);
}
