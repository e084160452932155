package io.tiercache.cache.cluster;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.topic.ITopic;

/**
 * Delivers invalidation and generation messages to the engine on every member, synchronously: a call returns when
 * every member has handled the message or the invalidation timeout has passed (a member that does not answer in time
 * is logged; Hazelcast's own near-cache invalidation still reaches it, eventually).
 *
 * <p>This is what gives read-your-writes across members. A write runs as: {@link #begin} (every member marks loads in
 * flight for those keys as stale, so none of them can store an older value afterwards), the writes to Redis and
 * Hazelcast, then {@link #end} (every member drops the keys from its near cache). When the write returns, no member
 * can serve the old value from its near cache, and no load that started before can put it back.
 *
 * <p>On a single member messages are handled locally only. In client mode the members of the external cluster run no
 * engine: messages go to the other clients through the Hazelcast topic {@code tiercache.invalidation}, which is
 * asynchronous, so another client's near cache drops a changed key within milliseconds but not before the write
 * returns, and the fencing of loads is per client (Hazelcast's own near-cache invalidation, batched by the members,
 * follows later).
 *
 * <p>Thread-safe.
 */
public final class ClusterMessenger implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ClusterMessenger.class.getName());

    private final HazelcastInstance hazelcast;
    private final MemberHandler local;
    private final boolean clientMode;
    private final long timeoutNanos;
    private final IExecutorService executor;
    private final ITopic<MemberTask> topic;
    private final UUID topicListener;
    private final String origin = UUID.randomUUID().toString();

    public ClusterMessenger(HazelcastInstance hazelcast, MemberHandler local, boolean clientMode, Duration timeout) {
        this.hazelcast = hazelcast;
        this.local = local;
        this.clientMode = clientMode;
        this.timeoutNanos = timeout.toNanos();
        if (clientMode) {
            this.executor = null;
            this.topic = hazelcast.getTopic("tiercache.invalidation");
            this.topicListener = topic.addMessageListener(message -> {
                MemberTask task = message.getMessageObject();
                if (!origin.equals(task.origin())) {
                    task.deliver(local);
                }
            });
        } else {
            this.executor = hazelcast.getExecutorService("tiercache.invalidation");
            this.topic = null;
            this.topicListener = null;
            MemberRegistry.register(hazelcast.getName(), local);
        }
    }

    public void begin(String cache, Collection<String> keys) {
        send(new MemberTask(origin, MemberTask.Kind.BEGIN, cache, keys, 0));
    }

    public void end(String cache, Collection<String> keys) {
        send(new MemberTask(origin, MemberTask.Kind.END, cache, keys, 0));
    }

    public void generation(String cache, long generation) {
        send(new MemberTask(origin, MemberTask.Kind.GENERATION, cache, null, generation));
    }

    private void send(MemberTask task) {
        task.deliver(local);
        if (clientMode) {
            topic.publish(task);
            return;
        }
        Set<Member> members = hazelcast.getCluster().getMembers();
        if (members.size() < 2) {
            return;
        }
        Member self = hazelcast.getCluster().getLocalMember();
        Map<Member, Future<Boolean>> answers = executor.submitToMembers(task,
                members.stream().filter(m -> !m.equals(self)).toList());
        long deadline = System.nanoTime() + timeoutNanos;
        answers.forEach((member, answer) -> await(member, answer, deadline));
    }

    private static void await(Member member, Future<Boolean> answer, long deadline) {
        try {
            answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "Member " + member + " did not acknowledge a cache invalidation: " + e);
        }
    }

    @Override
    public void close() {
        if (clientMode) {
            topic.removeMessageListener(topicListener);
        } else {
            MemberRegistry.unregister(hazelcast.getName());
        }
    }
}
