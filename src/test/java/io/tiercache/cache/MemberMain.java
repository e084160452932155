package io.tiercache.cache;

import com.hazelcast.core.HazelcastInstance;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import javax.cache.configuration.MutableConfiguration;

/**
 * The main class of an engine member (or client) in a JVM of its own ({@link MemberProcess}): properties as {@code name=value}
 * arguments, then one command a line on standard input, one answer a line on standard output:
 * {@code get <cache> <key>}, {@code put <cache> <key> <value>}, {@code remove <cache> <key>},
 * {@code l1hits <cache>} (the L1 hits of its statistics), {@code stats <cache>}, {@code members},
 * {@code load <cache> <prefix> <keys> <millis>} (starts a {@link WriteLoad}), {@code loaded} (waits for it and
 * answers its {@link WriteLoad.Result#line()}), {@code quit}. A missing value is answered {@code null}; a failure
 * {@code error <message>}.
 */
public final class MemberMain {

    private MemberMain() {
    }

    public static void main(String[] args) throws Exception {
        Properties properties = new Properties();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            properties.setProperty(arg.substring(0, eq), arg.substring(eq + 1));
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        TieredCacheManager manager = EngineFixture.manager("member-" + ProcessHandle.current().pid(), properties);
        out.println("ready");
        WriteLoad load = null;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
            String[] words = line.split(" ");
            try {
                out.println(switch (words[0]) {
                    case "get" -> String.valueOf(cache(manager, words[1]).get(words[2]));
                    case "put" -> {
                        cache(manager, words[1]).put(words[2], words[3]);
                        yield "ok";
                    }
                    case "remove" -> String.valueOf(cache(manager, words[1]).remove(words[2]));
                    case "l1hits" -> Long.toString(cache(manager, words[1]).snapshot().l1().hits());
                    case "stats" -> cache(manager, words[1]).snapshot().toString();
                    case "load" -> {
                        load = WriteLoad.start(cache(manager, words[1]), words[2], Integer.parseInt(words[3]),
                                Long.parseLong(words[4]));
                        yield "started";
                    }
                    case "loaded" -> load.await().line();
                    case "members" -> Integer.toString(manager.unwrap(HazelcastInstance.class).getCluster()
                            .getMembers().size());
                    default -> "error unknown command " + words[0];
                });
            } catch (RuntimeException e) {
                out.println("error " + e.toString().replace('\n', ' '));
            }
        }
        manager.close();
    }

    private static TieredCache<String, String> cache(TieredCacheManager manager, String name) {
        if (manager.getCache(name, String.class, String.class) == null) {
            manager.createCache(name, new MutableConfiguration<String, String>().setTypes(String.class, String.class));
        }
        return manager.getCache(name, String.class, String.class).unwrap(TieredCache.class);
    }
}
