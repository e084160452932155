package io.tiercache.cache.cluster;

import com.hazelcast.client.HazelcastClientNotActiveException;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import java.io.Serializable;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * How the engines that run as Hazelcast clients of one external cluster (whose members run no engine) deliver their
 * messages to each other, synchronously: a message is published on the topic {@value #TOPIC}; every client that
 * receives it hands it to its own engine, then acknowledges it on the sender's reply topic
 * ({@value #TOPIC}{@code .ack.<client id>}); the sender waits for the acknowledgements of every client its
 * {@link ClientRegistry} counts as live, until the message's deadline. Hazelcast runs a client's listeners of one topic
 * one message at a time, in the order its members relayed them.
 *
 * <p>Thread-safe: {@link #publish} blocks its caller; messages and acknowledgements arrive on Hazelcast event threads.
 */
final class ClientChannel implements AutoCloseable {

    static final String TOPIC = "tiercache.invalidation";
    private static final System.Logger LOG = System.getLogger(ClientChannel.class.getName());

    private final String self;
    private final ClientRegistry registry;
    private final ITopic<Broadcast> topic;
    private final ITopic<Acknowledgement> replies;
    private final UUID topicListener;
    private final UUID replyListener;
    private final Map<String, Awaited> awaited = new ConcurrentHashMap<>();
    private final Map<String, ITopic<Acknowledgement>> replyTopics = new ConcurrentHashMap<>();

    /**
     * Joins the channel as client {@code self}, registered for {@code ttl} at a time; {@code receiver} handles the
     * messages of the other clients.
     */
    ClientChannel(HazelcastInstance hazelcast, String self, Duration ttl, Consumer<MemberTask> receiver) {
        this.self = self;
        this.replies = hazelcast.getTopic(replyTopic(self));
        this.replyListener = replies.addMessageListener(message -> {
            Acknowledgement ack = message.getMessageObject();
            Awaited waiting = awaited.get(ack.ticket());
            if (waiting != null) {
                waiting.acknowledged(ack.receiver());
            }
        });
        this.topic = hazelcast.getTopic(TOPIC);
        this.topicListener = topic.addMessageListener(message -> {
            Broadcast broadcast = message.getMessageObject();
            if (!self.equals(broadcast.sender())) {
                receiver.accept(broadcast.task());
                replyTopics.computeIfAbsent(broadcast.sender(), sender -> hazelcast.getTopic(replyTopic(sender)))
                        .publishAsync(new Acknowledgement(broadcast.ticket(), self));
            }
        });
        this.registry = new ClientRegistry(hazelcast.getMap(ClientRegistry.MAP), self, ttl,
                "tiercache-heartbeat-" + hazelcast.getName());
    }

    private static String replyTopic(String client) {
        return TOPIC + ".ack." + client;
    }

    /**
     * Publishes {@code task} to every other client and waits until each client that was live when it was published
     * has acknowledged it, or until {@code deadline} ({@link System#nanoTime()}); a client that has not by then is
     * logged.
     */
    void publish(MemberTask task, long deadline) {
        String ticket = UUID.randomUUID().toString();
        Awaited waiting = new Awaited(registry.live());
        awaited.put(ticket, waiting);
        try {
            topic.publish(new Broadcast(ticket, self, task));
            Set<String> missing = waiting.await(deadline);
            if (!missing.isEmpty()) {
                LOG.log(Level.WARNING, "Clients " + missing + " did not acknowledge a cache invalidation in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            awaited.remove(ticket);
        }
    }

    /** See {@link ClientRegistry#onLapse}. */
    void onLapse(Runnable listener) {
        registry.onLapse(listener);
    }

    /** See {@link ClientRegistry#registeredSince}. */
    OptionalLong registeredSince() {
        return registry.registeredSince();
    }

    @Override
    public void close() {
        registry.close();
        try {
            topic.removeMessageListener(topicListener);
            replies.removeMessageListener(replyListener);
            replies.destroy();
        } catch (HazelcastClientNotActiveException e) {
            // the client is shut down already, and its listeners with it
        }
    }

    /** A message of client {@code sender}, to be acknowledged under {@code ticket}. */
    record Broadcast(String ticket, String sender, MemberTask task) implements Serializable {
    }

    /** Client {@code receiver} has handled the message {@code ticket}. */
    record Acknowledgement(String ticket, String receiver) implements Serializable {
    }

    /** The clients whose acknowledgement of one message is still awaited. */
    private static final class Awaited {

        private final Set<String> pending;

        Awaited(Set<String> clients) {
            this.pending = new HashSet<>(clients);
        }

        synchronized void acknowledged(String client) {
            if (pending.remove(client) && pending.isEmpty()) {
                notifyAll();
            }
        }

        /** Waits until every client has acknowledged or {@code deadline}; returns those that have not. */
        synchronized Set<String> await(long deadline) throws InterruptedException {
            while (!pending.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Set.copyOf(pending);
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return Set.of();
        }
    }
}
