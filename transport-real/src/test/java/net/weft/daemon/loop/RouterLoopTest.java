package net.weft.daemon.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import net.weft.core.Step;
import net.weft.core.effect.Effect;
import net.weft.core.id.ConnectionId;
import net.weft.core.id.PeerName;
import net.weft.core.id.PeerUid;
import net.weft.core.input.Input;
import net.weft.core.view.RouterView;
import net.weft.daemon.render.StatusSnapshot;
import net.weft.daemon.stats.Counter;
import net.weft.daemon.stats.DaemonCounters;
import org.junit.jupiter.api.Test;

class RouterLoopTest {

    private static final long MS = 1_000_000L;

    /** A router that records what it was fed and answers with scripted steps. */
    private static final class ScriptedRouter implements RouterDriver {
        final List<String> fed = new ArrayList<>();
        final ArrayDeque<Step> script = new ArrayDeque<>();
        long deadlineNs = Step.NO_DEADLINE;
        long version;
        boolean explodeOnNext;

        @Override
        public Step step(long nowNs, Input input) {
            fed.add(nowNs / MS + ":" + input.getClass().getSimpleName());
            version++;
            if (explodeOnNext) {
                explodeOnNext = false;
                throw new IllegalStateException("core bug");
            }
            return script.isEmpty() ? new Step(List.of(), deadlineNs) : script.poll();
        }

        @Override
        public RouterView view() {
            return new RouterView(PeerName.of("aa:00:00:00:00:01"), "t", new PeerUid(1), 0, version, 0, 6783, false,
                    true, List.of(), List.of(), List.of(), new TreeMap<>(), new TreeMap<>(), List.of(), 0,
                    new TreeMap<>());
        }
    }

    private static final class RecordingExecutor implements EffectExecutor {
        final List<String> log = new ArrayList<>();

        @Override
        public void execute(Effect effect) {
            log.add(effect.getClass().getSimpleName());
        }

        @Override
        public void endOfTurn() {
            log.add("flush");
        }
    }

    private final ManualScheduler scheduler = new ManualScheduler();
    private final ScriptedRouter router = new ScriptedRouter();
    private final RecordingExecutor executor = new RecordingExecutor();
    private final DaemonCounters counters = new DaemonCounters();
    private final RouterLoop loop = new RouterLoop(router, scheduler, scheduler::read, executor,
            (view, counts) -> new StatusSnapshot(view, List.of(), List.of(), counts, 0, "t"), counters);

    private static Input bytes(int n) {
        return new Input.BytesReceived(ConnectionId.inbound(1), new byte[n]);
    }

    @Test
    void a_burst_of_inputs_is_fed_in_one_turn_that_reads_the_clock_once() {
        scheduler.nowNs = 7 * MS;
        loop.submit(bytes(1));
        loop.submit(bytes(2));
        loop.submit(bytes(3));
        scheduler.runPending();

        assertThat(router.fed).containsExactly("7:BytesReceived", "7:BytesReceived", "7:BytesReceived");
        assertThat(scheduler.clockReads).isEqualTo(1);
        assertThat(counters.get(Counter.ROUTER_TURNS)).isEqualTo(1);
        assertThat(counters.get(Counter.ROUTER_STEPS)).isEqualTo(3);
    }

    @Test
    void effects_run_in_the_routers_order_and_the_turn_ends_with_one_flush() {
        router.script.add(new Step(List.of(new Effect.SendBytes(new ConnectionId(1), new byte[1]),
                new Effect.CloseConnection(new ConnectionId(1), "bye")), Step.NO_DEADLINE));
        router.script.add(new Step(List.of(new Effect.DeliverFrame(new byte[14])), Step.NO_DEADLINE));
        loop.submit(bytes(1));
        loop.submit(bytes(1));
        scheduler.runPending();

        assertThat(executor.log).containsExactly("SendBytes", "CloseConnection", "DeliverFrame", "flush");
    }

    @Test
    void exactly_one_timer_is_armed_for_the_latest_deadline_and_it_delivers_a_tick() {
        router.deadlineNs = 500 * MS;
        loop.submit(bytes(1));
        scheduler.runPending();
        assertThat(scheduler.timerDeadlines()).containsExactly(500 * MS);

        scheduler.nowNs += RouterLoop.PUBLISH_INTERVAL_NS;
        router.deadlineNs = 300 * MS;
        loop.submit(bytes(1));
        scheduler.runPending();
        assertThat(scheduler.timerDeadlines()).containsExactly(300 * MS);

        router.deadlineNs = Step.NO_DEADLINE;
        scheduler.advance(300 * MS - scheduler.nowNs);
        assertThat(router.fed).last().isEqualTo("300:Tick");
        assertThat(loop.armedDeadlineNs()).isEqualTo(Step.NO_DEADLINE);
        assertThat(scheduler.timerDeadlines()).isEmpty();
    }

    @Test
    void an_unchanged_deadline_keeps_the_armed_timer() {
        router.deadlineNs = 900 * MS;
        loop.submit(bytes(1));
        scheduler.runPending();
        scheduler.nowNs += RouterLoop.PUBLISH_INTERVAL_NS;
        loop.submit(bytes(1));
        scheduler.runPending();

        assertThat(scheduler.timerDeadlines()).containsExactly(900 * MS);
    }

    @Test
    void an_input_raised_while_effects_run_joins_the_same_turn() {
        EffectExecutor reentrant = new EffectExecutor() {
            @Override
            public void execute(Effect effect) {
                loop2().submit(new Input.ConnectionClosed(new ConnectionId(1), "closed by effect"));
            }

            @Override
            public void endOfTurn() {
            }
        };
        holder[0] = new RouterLoop(router, scheduler, scheduler::read, reentrant,
                (view, counts) -> new StatusSnapshot(view, List.of(), List.of(), counts, 0, "t"), counters);
        router.script.add(new Step(List.of(new Effect.CloseConnection(new ConnectionId(1), "x")), Step.NO_DEADLINE));
        loop2().submit(bytes(1));
        scheduler.runPending();

        assertThat(router.fed).containsExactly("0:BytesReceived", "0:ConnectionClosed");
        assertThat(scheduler.clockReads).isEqualTo(1);
    }

    private final RouterLoop[] holder = new RouterLoop[1];

    private RouterLoop loop2() {
        return holder[0];
    }

    @Test
    void an_admin_request_completes_with_a_snapshot_that_already_shows_its_effect() {
        loop.start(List.of());
        scheduler.runPending();
        long before = loop.snapshot().view().version();

        CompletableFuture<StatusSnapshot> answer = loop.submitAndPublish(
                new Input.ConnectRequested(List.of("192.0.2.1"), false));
        scheduler.runPending();

        assertThat(answer).isCompleted();
        assertThat(answer.join().view().version()).isGreaterThan(before);
        assertThat(loop.snapshot()).isSameAs(answer.join());
    }

    @Test
    void snapshots_are_published_at_most_every_interval_with_a_trailing_publish() {
        loop.start(List.of());
        scheduler.runPending();
        StatusSnapshot first = loop.snapshot();
        loop.submit(bytes(1));
        scheduler.runPending();
        assertThat(loop.snapshot()).isSameAs(first);

        scheduler.advance(RouterLoop.PUBLISH_INTERVAL_NS);

        assertThat(loop.snapshot().view().version()).isEqualTo(router.version);
    }

    @Test
    void a_core_bug_on_one_input_is_logged_and_the_loop_keeps_going() {
        router.explodeOnNext = true;
        loop.submit(bytes(1));
        loop.submit(bytes(2));
        scheduler.runPending();

        assertThat(router.fed).hasSize(2);
        assertThat(counters.get(Counter.ROUTER_STEPS)).isEqualTo(1);
    }

    @Test
    void a_closed_loop_ignores_inputs_and_disarms_its_timer() {
        router.deadlineNs = 100 * MS;
        loop.submit(bytes(1));
        scheduler.runPending();
        loop.close();
        scheduler.runPending();
        loop.submit(bytes(1));
        scheduler.advance(200 * MS);

        assertThat(router.fed).hasSize(1);
        assertThat(scheduler.timerDeadlines()).isEmpty();
    }
}
