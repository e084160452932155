package io.tiercache.cache.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipAdapter;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.IExecutorService;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Delivers invalidation and generation messages to the caches of every member's engine, synchronously: a call
 * returns when every member has handled the message or the invalidation timeout has passed (a member that does not
 * answer in time is logged; Hazelcast's own near-cache invalidation still reaches it, eventually).
 *
 * <p>This is what gives read-your-writes across members. {@link #invalidate} runs a write as: BEGIN (every member
 * marks loads in flight for those keys as stale and fences new ones, so none of them can store an older value
 * afterwards), the writes to Redis and Hazelcast, then END (every member lifts the fence and drops the keys from its
 * near cache). When the write returns, no member can serve the old value from its near cache, and no load that
 * started before can put it back. BEGIN and END carry one id, so a receiver can pair them even when the END of a
 * timed-out BEGIN overtakes it.
 *
 * <p>Each cache {@link #register registers} its {@link InvalidationHandler}; a message for a cache this engine has
 * not opened is acknowledged and dropped. On a single member messages are handled locally only. In client mode the
 * members of the external cluster run no engine: messages go to the other clients through a {@link ClientChannel},
 * with the same guarantee, waiting for the clients that have kept their registration alive (see
 * {@link ClientRegistry}); a client whose registration lapsed must not trust its near cache until it stands again
 * ({@link #onRegistrationLapse}, {@link #registeredSince}).
 *
 * <p>Thread-safe.
 */
public final class ClusterMessenger implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ClusterMessenger.class.getName());

    private final HazelcastInstance hazelcast;
    private final boolean clientMode;
    private final long timeoutNanos;
    private final Map<String, InvalidationHandler> handlers = new ConcurrentHashMap<>();
    private final IExecutorService executor;
    private final ClientChannel clients;
    private final UUID membershipListener;

    public ClusterMessenger(HazelcastInstance hazelcast, boolean clientMode, Duration timeout) {
        this.hazelcast = hazelcast;
        this.clientMode = clientMode;
        this.timeoutNanos = timeout.toNanos();
        if (clientMode) {
            this.executor = null;
            this.clients = new ClientChannel(hazelcast, UUID.randomUUID().toString(), registrationTtl(timeout),
                    this::receive);
            this.membershipListener = null;
        } else {
            this.executor = hazelcast.getExecutorService("tiercache.invalidation");
            this.clients = null;
            this.membershipListener = hazelcast.getCluster().addMembershipListener(new MembershipAdapter() {
                @Override
                public void memberRemoved(MembershipEvent event) {
                    String member = event.getMember().getUuid().toString();
                    handlers.values().forEach(handler -> handler.memberLeft(member));
                }
            });
            MemberRegistry.register(hazelcast.getName(), this);
        }
    }

    /**
     * How long a client's registration lives without a heartbeat: twice the invalidation {@code timeout}. A client
     * sends one every half timeout, which is also the pause its clock notices, so a client drops out of the others'
     * view only after a pause it notices itself or a lapse its heartbeats report.
     */
    public static Duration registrationTtl(Duration timeout) {
        return timeout.multipliedBy(2);
    }

    /**
     * Client mode: tells {@code listener} (on whichever thread notices it) each time this client's registration
     * lapses, after which the other clients may write without waiting for it. Members: never.
     */
    public void onRegistrationLapse(Runnable listener) {
        if (clientMode) {
            clients.onLapse(listener);
        }
    }

    /**
     * Client mode: the {@link System#nanoTime()} since which this client has been registered without a lapse, so that
     * every other client waits for its acknowledgements; empty while its registration has lapsed. Members have no
     * registration: {@link Long#MIN_VALUE}.
     */
    public OptionalLong registeredSince() {
        return clientMode ? clients.registeredSince() : OptionalLong.of(Long.MIN_VALUE);
    }

    /**
     * Routes the messages of {@code cache} to {@code handler} on this member.
     *
     * @throws IllegalStateException when a handler of that cache is registered already
     */
    public void register(String cache, InvalidationHandler handler) {
        if (handlers.putIfAbsent(cache, handler) != null) {
            throw new IllegalStateException("Cache " + cache + " has a message handler already");
        }
    }

    /** Stops routing the messages of {@code cache} to {@code handler}. */
    public void unregister(String cache, InvalidationHandler handler) {
        handlers.remove(cache, handler);
    }

    /**
     * Begins an invalidation of {@code keys} (null: every key) of {@code cache} on every member: returns once each has
     * fenced the keys, or at the invalidation's deadline (the invalidation timeout from now), whichever comes first.
     * Its {@link Invalidation#end} must follow, once; it waits for the members until the same deadline, so that a
     * member that does not answer delays a whole write by about the timeout, not once per message. (A member that has
     * not handled the END yet when the write returns is still fenced, so it reads around L1 until it does.)
     */
    public Invalidation begin(String cache, Collection<String> keys) {
        String id = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + timeoutNanos;
        String sender = clientMode ? null : hazelcast.getCluster().getLocalMember().getUuid().toString();
        send(MemberTask.begin(cache, id, keys, System.currentTimeMillis(), sender), deadline);
        return new Invalidation(deadline, () -> send(MemberTask.end(cache, id, keys), deadline));
    }

    /**
     * Whether every other member, asked now, counts this member in its view of the cluster (true on a cluster of
     * one): false when one of them has dropped this member, does not answer within the invalidation timeout, or
     * fails. Client mode: always true (clients are not members).
     */
    public boolean acknowledgedByAllMembers() {
        if (clientMode) {
            return true;
        }
        List<Member> others = otherMembers();
        if (others.isEmpty()) {
            return true;
        }
        String self = hazelcast.getCluster().getLocalMember().getUuid().toString();
        return allTrue(executor.submitToMembers(MemberTask.ping(self), others),
                System.nanoTime() + timeoutNanos, false);
    }

    /** The number of members this member sees, itself included (1 in client mode). */
    public int memberCount() {
        return clientMode ? 1 : hazelcast.getCluster().getMembers().size();
    }

    /** Whether this engine is a member with no other member in its view (never true of a client). */
    public boolean alone() {
        return !clientMode && hazelcast.getCluster().getMembers().size() < 2;
    }

    /**
     * Tells every member that {@code cache} has L2 generation {@code generation}, waiting for their answers at most
     * {@code timeoutNanos} (those that do not answer in time still get it, later).
     */
    public void generation(String cache, long generation, long timeoutNanos) {
        send(MemberTask.generation(cache, generation), System.nanoTime() + timeoutNanos);
    }

    /** The invalidation timeout, in nanoseconds: how long a message to the members waits for their answers. */
    public long timeoutNanos() {
        return timeoutNanos;
    }

    /** Hands {@code task} to its cache on this member; false when that cache is not open here. */
    boolean receive(MemberTask task) {
        InvalidationHandler handler = handlers.get(task.cache());
        if (handler == null) {
            return false;
        }
        task.deliver(handler);
        return true;
    }

    /**
     * Delivers {@code task} here and to every other member, waiting for their answers until {@code deadline}; a member
     * that does not answer in time is logged, unless the deadline had passed already (nobody waited for it).
     */
    private void send(MemberTask task, long deadline) {
        receive(task);
        if (clientMode) {
            clients.publish(task, deadline);
            return;
        }
        List<Member> others = otherMembers();
        if (!others.isEmpty()) {
            boolean waiting = deadline - System.nanoTime() > 0;
            allTrue(executor.submitToMembers(task, others), deadline, waiting);
        }
    }

    private List<Member> otherMembers() {
        Member self = hazelcast.getCluster().getLocalMember();
        return hazelcast.getCluster().getMembers().stream().filter(m -> !m.equals(self)).toList();
    }

    /**
     * Waits for every answer until {@code deadline}; returns whether each member answered true in time. A member
     * that fails or does not answer in time is logged when {@code log}.
     */
    private static boolean allTrue(Map<Member, Future<Boolean>> answers, long deadline, boolean log) {
        boolean all = true;
        for (Map.Entry<Member, Future<Boolean>> answer : answers.entrySet()) {
            try {
                all &= Boolean.TRUE.equals(answer.getValue().get(Math.max(0, deadline - System.nanoTime()),
                        TimeUnit.NANOSECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                all = false;
                if (log) {
                    LOG.log(Level.WARNING, "Member " + answer.getKey() + " did not acknowledge a cache invalidation: "
                            + e);
                }
            }
        }
        return all;
    }

    @Override
    public void close() {
        handlers.clear();
        if (clientMode) {
            clients.close();
        } else {
            MemberRegistry.unregister(hazelcast.getName(), this);
            try {
                hazelcast.getCluster().removeMembershipListener(membershipListener);
            } catch (HazelcastInstanceNotActiveException e) {
                // the member is shut down already, and its listeners with it
            }
        }
    }
}
