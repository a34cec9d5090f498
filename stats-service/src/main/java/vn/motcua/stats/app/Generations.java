package vn.motcua.stats.app;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import vn.motcua.api.ProblemException;
import vn.motcua.stats.domain.GenerationState;
import vn.motcua.stats.store.DossierStore;
import vn.motcua.stats.store.GenerationControl;
import vn.motcua.stats.store.ProcedureStore;
import vn.motcua.stats.store.StatsDatabase;
import vn.motcua.stats.store.TotalsStore;
import vn.motcua.stats.store.UnitStore;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

/**
 * The generations of the projection this instance knows (docs/architecture.md, "Rebuild from the topic"): the one
 * reports, the time sweep and the admin recount act on ({@link #serving()}), and the control document's changes,
 * starting a rebuild and flipping to it. Which consumer loops run is {@link GenerationFollower}'s, which follows the
 * control document and calls {@link #serve} when it moves.
 */
@Singleton
public final class Generations {

    private static final Logger LOG = Logger.getLogger(Generations.class);

    private final GenerationControl control;
    private final LongFunction<GenerationGraph> graphs;
    /** The service's clock, for the sweep of a generation before it is served; the control stamps are wall time. */
    private final Clock clock;
    private final Map<Long, GenerationGraph> known = new ConcurrentHashMap<>();
    private volatile GenerationGraph serving;

    /** Generation 0 is the application's own beans (the configured database); later ones are built here. */
    @Inject
    Generations(GenerationControl control, StatsDatabase database, DossierStore dossiers, TotalsStore totals,
                UnitStore units, ProcedureStore procedures, DossierProjector projector, BatchProjector batches,
                Clock clock) {
        this(control, n -> n == 0
                ? new GenerationGraph(0, dossiers, totals, units, procedures, projector, batches)
                : GenerationGraph.on(n, database.generation(n), CrashPoint.NONE), clock);
    }

    /** {@code graphs}: the graph of generation n on its database, made once per number. */
    public Generations(GenerationControl control, LongFunction<GenerationGraph> graphs, Clock clock) {
        this.control = control;
        this.graphs = graphs;
        this.clock = clock;
    }

    /** The control document as it stands. */
    public GenerationState state() {
        return control.read();
    }

    /** The graph of generation {@code n}, its collections prepared on first use. */
    public GenerationGraph graph(long n) {
        return known.computeIfAbsent(n, number -> {
            GenerationGraph graph = graphs.apply(number);
            graph.projector().prepareCollections();
            return graph;
        });
    }

    /** What reports are read from now; the control document's choice until {@link #serve} says otherwise. */
    public GenerationGraph serving() {
        GenerationGraph current = serving;
        if (current == null) {
            current = serve(state().serving());
        }
        return current;
    }

    /** From now on reports, the sweep and the recount use generation {@code n}. */
    public synchronized GenerationGraph serve(long n) {
        if (serving == null || serving.number() != n) {
            serving = graph(n);
            LOG.infof("serving generation %d", n);
        }
        return serving;
    }

    /** The graph being built, if the control document names one. */
    public Optional<GenerationGraph> building() {
        GenerationState state = state();
        return state.isBuilding() ? Optional.of(graph(state.building())) : Optional.empty();
    }

    /** Serving and building graphs: where a pending delta may wait for {@link PendingFinisher}. */
    public List<GenerationGraph> active() {
        GenerationState state = state();
        GenerationGraph current = serving();
        return state.isBuilding() && state.building() != current.number()
                ? List.of(current, graph(state.building())) : List.of(current);
    }

    /**
     * Starts generation n+1: a new database, filled by a new consumer group from the topics' start on every
     * instance. 409 while one is being built.
     */
    public GenerationState startBuilding() {
        GenerationState seen = state();
        if (seen.isBuilding() || !control.startBuilding(seen, Instant.now())) {
            GenerationState now = state();
            throw ProblemException.conflict("Generation " + now.building() + " is being built from the topics; "
                    + "it is served once it has caught up.");
        }
        GenerationState started = state();
        LOG.infof("rebuild from the topics started: generation %d beside %d", started.building(), started.serving());
        return started;
    }

    /**
     * Once its consumer group has caught up: finishes what the build left pending, advances its open dossiers to
     * now as the sweep does for the served one, and flips the control document to it if nobody did first. The
     * caller serves it then. False when another instance flipped (or the build ended) first.
     */
    public boolean flip(GenerationState seen) {
        if (!seen.isBuilding()) {
            return false;
        }
        GenerationGraph next = graph(seen.building());
        next.projector().finishAllPending();
        next.sweep(clock).run();
        boolean flipped = control.flip(seen, Instant.now());
        if (flipped) {
            LOG.infof("generation %d caught up with the topics: served instead of %d", seen.building(),
                    seen.serving());
        }
        return flipped;
    }
}
