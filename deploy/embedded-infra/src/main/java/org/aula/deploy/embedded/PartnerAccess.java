package org.aula.deploy.embedded;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Gives a partner institution read access to its own enrollment feed, and to nothing else.
 *
 * <p>Partners (police, ministries, ...) consume {@code partner.<CODE>.enrollment} with their own
 * principal. The broker runs with {@code allow.everyone.if.no.acl.found=false}, so a principal can
 * do exactly what ACLs allow; this class creates, for institution {@code CODE}:
 * <ul>
 *   <li>the SCRAM-SHA-512 user {@code partner-<code>} (code in lower case), principal
 *       {@code User:partner-<code>};</li>
 *   <li>ALLOW READ and DESCRIBE on topic {@code partner.<CODE>.enrollment}, LITERAL: a literal
 *       pattern so that a topic created later whose name merely starts the same way is not
 *       covered;</li>
 *   <li>ALLOW READ on groups PREFIXED {@code partner.<CODE>.}: consumers need a group to commit
 *       offsets, and partners pick their own group names (one per application, say) within
 *       their prefix. The trailing dot keeps {@code MFA} from reaching {@code MFAX}'s groups.</li>
 * </ul>
 * No WRITE, CREATE, DELETE, ALTER or cluster-level right, and no IDEMPOTENT_WRITE: partners only
 * read. Hosts are not restricted ({@code *}); the password is the control.
 *
 * <p>Institution codes are upper-case letters, digits, '_' and '-' (starting with a letter or
 * digit). A '.' would break the prefix rule above ({@code A.B}'s groups would fall under
 * {@code A}'s prefix), and mixed case would let two codes ({@code Mfa}, {@code MFA}) share one
 * lower-case user name while owning different topics.
 *
 * <p>{@link #provision} is safe to repeat: creating an ACL that exists is a no-op and the
 * credential is an upsert, so running it again with a new password rotates the password. It
 * creates the ACLs before the credential; if it fails halfway, the partner either cannot log in
 * yet or has rights but no login, never more than intended, and a re-run completes it.
 *
 * <p>The admin client must belong to a super user (or hold ALTER on the cluster, which
 * {@code CreateAcls} and {@code AlterUserScramCredentials} need). Changes are committed by the
 * controller when the calls return; brokers apply them from the metadata log within
 * milliseconds, so a partner logging in at that very instant may still be refused once.
 */
public final class PartnerAccess {

    /** The SCRAM mechanism partners log in with; the secured broker enables only this one. */
    public static final ScramMechanism MECHANISM = ScramMechanism.SCRAM_SHA_512;

    /** A partner's password is a generated secret handed over once, not something to remember. */
    public static final int MIN_PASSWORD_LENGTH = 16;

    private static final Pattern INSTITUTION_CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,63}");
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final Admin admin;
    private final Duration timeout;

    /** Uses {@code admin}, waiting at most 30 s for each step. */
    public PartnerAccess(Admin admin) {
        this(admin, DEFAULT_TIMEOUT);
    }

    public PartnerAccess(Admin admin, Duration timeout) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** What a partner gets: its login, principal, feed and consumer group prefix. */
    public record Grant(String institutionCode, String user, String topic, String groupPrefix) {

        /** The principal the authorizer sees, as written in ACLs. */
        public String principal() {
            return "User:" + user;
        }

        /** The ACL bindings this grant consists of, exactly. */
        public List<AclBinding> aclBindings() {
            return List.of(
                    allow(new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL), AclOperation.READ),
                    allow(new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL), AclOperation.DESCRIBE),
                    allow(new ResourcePattern(ResourceType.GROUP, groupPrefix, PatternType.PREFIXED), AclOperation.READ));
        }

        private AclBinding allow(ResourcePattern pattern, AclOperation operation) {
            return new AclBinding(pattern, new AccessControlEntry(principal(), "*", operation, AclPermissionType.ALLOW));
        }
    }

    /**
     * The names for institution {@code institutionCode}, without touching the cluster.
     *
     * @throws IllegalArgumentException if the code is not upper-case letters, digits, '_', '-'
     */
    public static Grant grantFor(String institutionCode) {
        Objects.requireNonNull(institutionCode, "institutionCode");
        if (!INSTITUTION_CODE.matcher(institutionCode).matches()) {
            throw new IllegalArgumentException("Institution code must match " + INSTITUTION_CODE + ": " + institutionCode);
        }
        return new Grant(institutionCode,
                "partner-" + institutionCode.toLowerCase(Locale.ROOT),
                "partner." + institutionCode + ".enrollment",
                "partner." + institutionCode + ".");
    }

    /**
     * Creates (or updates) the partner's ACLs and SCRAM credential; see the class comment.
     * Does not create the topic: the feed's producer owns it.
     *
     * @param password at least {@value #MIN_PASSWORD_LENGTH} characters
     * @throws IllegalStateException if the cluster refuses or does not answer in time; the message
     *                               says which step failed, and repeating the call is safe
     */
    public Grant provision(String institutionCode, String password) {
        Grant grant = grantFor(institutionCode);
        Objects.requireNonNull(password, "password");
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("Partner password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        await(admin.createAcls(grant.aclBindings()).all(), "creating ACLs for " + grant.principal());
        await(admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(
                        grant.user(), new ScramCredentialInfo(MECHANISM, EmbeddedKafkaBroker.SCRAM_ITERATIONS), password)))
                .all(), "storing the SCRAM credential of " + grant.user());
        return grant;
    }

    /** Every ACL binding that names the partner's principal, whatever created it (for audits). */
    public Collection<AclBinding> currentBindings(String institutionCode) {
        Grant grant = grantFor(institutionCode);
        AclBindingFilter filter = new AclBindingFilter(ResourcePatternFilter.ANY,
                new AccessControlEntryFilter(grant.principal(), null, AclOperation.ANY, AclPermissionType.ANY));
        return await(admin.describeAcls(filter).values(), "describing ACLs of " + grant.principal());
    }

    private <T> T await(KafkaFuture<T> future, String step) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Failed " + step + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out after " + timeout + " " + step, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while " + step, e);
        }
    }
}
