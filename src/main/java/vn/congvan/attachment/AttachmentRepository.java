package vn.congvan.attachment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AttachmentRepository extends JpaRepository<Attachment, Long> {

    List<Attachment> findByDispatchIdOrderByPositionAsc(Long dispatchId);

    Optional<Attachment> findByIdAndDispatchId(Long id, Long dispatchId);

    @Query("select coalesce(max(a.position), 0) from Attachment a where a.dispatchId = :dispatchId")
    int lastPosition(Long dispatchId);

    List<Attachment> findByIncomingEntryIdOrderByPositionAsc(Long incomingEntryId);

    Optional<Attachment> findByIdAndIncomingEntryId(Long id, Long incomingEntryId);

    @Query("select coalesce(max(a.position), 0) from Attachment a where a.incomingEntryId = :entryId")
    int lastEntryPosition(Long entryId);

    @Query("select coalesce(sum(a.sizeBytes), 0) from Attachment a where a.incomingEntryId = :entryId")
    long entryTotalSize(Long entryId);

    /** As {@link #lockDispatch}, for the files of an incoming entry. */
    @Query(
            value = "select 1 from (select pg_advisory_xact_lock(8233, hashint8(cast(:entryId as bigint)))) l",
            nativeQuery = true)
    int lockEntry(Long entryId);

    /**
     * A transaction-scoped advisory lock on stored bytes: taken by whoever adds a row naming them and by whoever
     * removes one, so that bytes are never deleted while a new row comes to name them (ADR 0033).
     */
    @Query(value = "select 1 from (select pg_advisory_xact_lock(8232, hashtext(:storageKey))) l", nativeQuery = true)
    int lockStoredBytes(String storageKey);

    long countByStorageKey(String storageKey);

    /**
     * A transaction-scoped advisory lock on the dispatch's attachments. The id is hashed to the lock's 32-bit key
     * (an id past 2^31 must not fail); two dispatches sharing a key only wait for each other.
     */
    @Query(
            value = "select 1 from (select pg_advisory_xact_lock(8231, hashint8(cast(:dispatchId as bigint)))) l",
            nativeQuery = true)
    int lockDispatch(Long dispatchId);

    @Query("select coalesce(sum(a.sizeBytes), 0) from Attachment a where a.dispatchId = :dispatchId")
    long totalSize(Long dispatchId);

    @Query("select a.storageKey from Attachment a where a.storageKey in :keys")
    Set<String> claimedKeys(Collection<String> keys);

    @Query(
            value = "select storage_key from report_file where storage_key = any(cast(:keys as varchar[]))",
            nativeQuery = true)
    Set<String> claimedByReports(String[] keys);

    @Query(
            value = "select storage_key from signed_copy where storage_key = any(cast(:keys as varchar[]))",
            nativeQuery = true)
    Set<String> claimedBySignedCopies(String[] keys);

    /** The signature found in bytes that another row naming them was found infected with; empty if none was. */
    @Query(
            value = "select scan_signature from attachment where storage_key = :storageKey and scan_state = 'INFECTED'"
                    + " order by id limit 1",
            nativeQuery = true)
    Optional<String> infectedSignature(String storageKey);

    /**
     * Every other row naming bytes just found infected becomes infected too, whatever it said before (a row taken by
     * reference while the bytes were not scanned, or scanned clean before the scanner knew the signature): none of
     * them may be served once the bytes are deleted. Rows another instance is scanning are passed over; that scan
     * finds the verdict written here ({@link #infectedSignature}).
     */
    @Modifying
    @Query(value = """
                    update attachment set scan_state = 'INFECTED', scan_signature = :signature, scanned_at = :at,
                        scan_attempted_at = :at
                    where id in (select id from attachment where storage_key = :storageKey and id <> :scannedId
                        and scan_state <> 'INFECTED' for update skip locked)
                    """, nativeQuery = true)
    int infectAlsoNamedBy(String storageKey, Long scannedId, String signature, Instant at);

    /**
     * The next file the scan retry job should take, locked for the caller's transaction; rows another instance is
     * scanning are passed over.
     */
    @Query(value = """
            select * from attachment where scan_state in ('PENDING', 'NOT_SCANNED')
            order by scan_attempted_at nulls first, id limit 1 for update skip locked
            """, nativeQuery = true)
    Optional<Attachment> nextToScan();
}
