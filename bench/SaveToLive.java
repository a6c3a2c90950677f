import io.policyengine.PolicyEngine;
import io.policyengine.model.PolicyId;
import java.nio.file.*;
import java.time.Duration;
import java.util.concurrent.*;
/**
 * Save to live through the library, as serve's rules watcher does it (200 ms settle): a watched copy of a pack, one term
 * changed per save (an atomic rename, as editors save), the time from the save to the listener's "reloaded". Usage:
 * bench/save-to-live.sh CHECKOUT [PACK] [SAVES]; the checkout must be built (./policy builds it).
 */
public class SaveToLive {
    public static void main(String[] a) throws Exception {
        Path src = Path.of(a[0]); int saves = Integer.parseInt(a[1]);
        Path dir = Files.createTempDirectory("reload");
        try (var files = Files.list(src)) { for (Path f : files.toList()) Files.copy(f, dir.resolve(f.getFileName())); }
        PolicyEngine engine = PolicyEngine.load(dir);
        BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        try (AutoCloseable w = engine.watch(Duration.ofMillis(200), new PolicyEngine.ReloadListener() {
            public void reloaded(PolicyId live) { events.add(live); }
            public void failed(Exception e) { events.add(e); }
        })) {
            Path pack = dir.resolve("pack.drl");
            String original = Files.readString(pack);
            for (int i = 1; i <= saves; i++) {
                String text = original.replace("defectRefundDays   : int = 15", "defectRefundDays   : int = " + (15 + i));
                Path tmp = dir.resolve(".pack.drl.new"); Files.writeString(tmp, text);
                long t0 = System.nanoTime();
                Files.move(tmp, pack, StandardCopyOption.ATOMIC_MOVE);
                Object e = events.poll(120, TimeUnit.SECONDS);
                System.out.printf("save %d: %d ms %s%n", i, (System.nanoTime() - t0) / 1000000, e instanceof Exception ? e : "");
                events.clear();
            }
        }
    }
}
