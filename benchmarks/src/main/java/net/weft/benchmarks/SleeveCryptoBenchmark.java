package net.weft.benchmarks;

import java.util.concurrent.TimeUnit;
import net.weft.core.crypto.SessionKey;
import net.weft.core.crypto.SleeveCrypto;
import net.weft.core.crypto.SleeveEncryptor;
import net.weft.core.crypto.SleeveOpenOutcome;
import net.weft.core.crypto.SleeveOpener;
import net.weft.core.id.PeerName;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of sealing and opening encrypted sleeve packets with reused per-connection instances, the hot
 * path of an encrypted overlay. Opening uses a fresh sequence number each time (the encryptor runs ahead),
 * so the replay window does real work.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SleeveCryptoBenchmark {

    /** Bytes of frame list per packet (1400 is a full-MTU frame plus its header, roughly). */
    @Param({"100", "1400"})
    public int framesBytes;

    private final byte[] key = SessionKey.derive(new byte[32], new byte[] {1, 2, 3});
    private SleeveEncryptor encryptor;
    private SleeveEncryptor peerEncryptor;
    private SleeveOpener opener;
    private byte[] frames;
    private byte[] packet;
    private byte[] opened;

    @Setup
    public void setUp() {
        encryptor = new SleeveEncryptor(PeerName.of("aa:00:00:00:00:01"), key, true);
        peerEncryptor = new SleeveEncryptor(PeerName.of("aa:00:00:00:00:01"), key, true);
        opener = new SleeveOpener(key, false);
        frames = new byte[framesBytes];
        packet = new byte[framesBytes + SleeveCrypto.PACKET_OVERHEAD_ENCRYPTED];
        opened = new byte[framesBytes];
    }

    /** Seal one packet into a preallocated buffer. */
    @Benchmark
    public int seal() {
        return encryptor.seal(true, frames, 0, frames.length, packet, 0);
    }

    /** Seal one packet and open it on the receiving side (fresh sequence number each time). */
    @Benchmark
    public SleeveOpenOutcome sealThenOpen() {
        int length = peerEncryptor.seal(false, frames, 0, frames.length, packet, 0);
        return opener.open(packet, 0, length, opened, 0);
    }
}
