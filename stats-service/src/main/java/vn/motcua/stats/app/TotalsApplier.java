package vn.motcua.stats.app;

import vn.motcua.stats.domain.Counts;
import vn.motcua.stats.domain.TotalsDelta;
import vn.motcua.stats.domain.TotalsKey;
import vn.motcua.stats.store.DossierStore;
import vn.motcua.stats.store.DossierStore.Mark;
import vn.motcua.stats.store.TotalsStore;
import vn.motcua.stats.store.TotalsStore.Share;
import vn.motcua.stats.store.TotalsStore.State;
import vn.motcua.stats.store.TotalsStore.Take;
import vn.motcua.stats.store.TotalsStore.Taken;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Moves dossier changes into totals documents exactly once, with documents whose size does not grow with the
 * dossiers they count (docs/architecture.md, "Exactly-once totals"). A totals document is only ever written by a
 * compare-and-set on its revision, and each write lists the changes it took ({@code taken}), replacing the list of
 * the write before; each change taken is then marked on its dossier, whose pending delta it is, by the document's
 * id in the dossier's {@code takenBy} ({@link DossierStore#markTaken}). Three rules make the totals exact, with any
 * number of writers and crashes anywhere:
 * <ol>
 *   <li>a dossier's next change is written only once its pending delta is taken by all its documents and cleared
 *   ({@link DossierProjector}), so a change that is not its dossier's pending delta any more is in every document
 *   it touches ({@link DossierStore#hasTaken});</li>
 *   <li>a write replaces a document's {@code taken} only after that list is marked on its dossiers (by whoever:
 *   marking twice changes nothing), so every change a document has taken is in its list, marked, or finished;</li>
 *   <li>a change is added only while its dossier says the document has not taken it, read after rule 2's marks and
 *   before the write, which the revision guards: a take in between moves the revision.</li>
 * </ol>
 */
public final class TotalsApplier {

    private static final int MAX_ATTEMPTS = 100;
    /** Documents whose current list this process has marked itself; a bound, not a need: forgetting costs a write. */
    private static final int REMEMBERED = 10_000;

    private final TotalsStore totals;
    private final DossierStore dossiers;
    private final CrashPoint crashPoint;
    private final Map<String, Long> markedAtRevision = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                    return size() > REMEMBERED;
                }
            });

    public TotalsApplier(TotalsStore totals, DossierStore dossiers, CrashPoint crashPoint) {
        this.totals = totals;
        this.dossiers = dossiers;
        this.crashPoint = crashPoint;
    }

    /**
     * Takes one change's share into its document unless the document has it already: any instance, any time,
     * as often as it likes. Returns once the document has it and its dossier is marked.
     */
    public void takeOnce(TotalsKey key, Share share) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            State seen = totals.state(key).orElse(null);
            dossiers.markTaken(unmarked(key, seen)); // rule 2
            if (dossiers.hasTaken(share.code(), key, share.version())) { // rule 3
                return;
            }
            if (totals.take(new Take(key, seen, share.counts(), List.of(share.taken())))) {
                crashPoint.reached(CrashPoint.TOTALS_APPLIED);
                dossiers.markTaken(List.of(new Mark(share.code(), key, share.version())));
                remember(key, seen);
                return;
            }
        }
        throw new IllegalStateException("totals document " + key.id() + " kept changing under " + MAX_ATTEMPTS
                + " attempts");
    }

    /**
     * Each document takes the sum of its shares in one bulk write, guarded by the state in {@code seen}, which was
     * read before the shares' changes were written to their dossiers: none of them existed then, so a document
     * still at that revision has taken none of them, and no dossier needs reading (rule 3 holds as it stands). Marks
     * the previous lists first (rule 2). Does not mark the new lists: the caller does, or clears the pending deltas
     * ({@link DossierStore#clearAllPending}), and then says so ({@link #listsMarked}).
     * Returns the documents that refused: their revision moved, or one was created meanwhile; nothing of those was
     * written.
     */
    public Set<TotalsKey> takeTogether(Map<TotalsKey, List<Share>> sharesByDocument, Map<TotalsKey, State> seen) {
        List<Take> takes = new ArrayList<>(sharesByDocument.size());
        sharesByDocument.forEach((key, shares) -> {
            State state = seen.get(key);
            Counts sum = new Counts();
            List<Taken> taken = new ArrayList<>(shares.size());
            for (Share share : shares) {
                sum.addAll(share.counts());
                taken.add(share.taken());
            }
            takes.add(new Take(key, state, sum, taken));
        });
        List<Mark> previous = new ArrayList<>();
        for (Take take : takes) {
            previous.addAll(unmarked(take.key(), take.seen()));
        }
        dossiers.markTaken(previous);
        return totals.takeAll(takes);
    }

    /**
     * Finishes deltas just written to their dossiers, their documents' states read before ({@code seen}): the
     * summed takes ({@link #takeTogether}), {@code takenPlace} reached, then the unset of the deltas every document
     * of which took its share. A delta a refusing document touches stays pending, marked taken by the documents that
     * accepted, while the refused shares are taken one by one; then it goes.
     */
    public void finishWritten(List<TotalsDelta> deltas, Map<TotalsKey, State> seen, String takenPlace) {
        Map<TotalsKey, List<Share>> byDocument = new LinkedHashMap<>();
        for (TotalsDelta delta : deltas) {
            delta.changes().forEach((key, counts) -> byDocument.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new Share(delta.code(), delta.version(), counts)));
        }
        Set<TotalsKey> refused = takeTogether(byDocument, seen);
        crashPoint.reached(takenPlace);
        List<TotalsDelta> whole = new ArrayList<>();
        List<TotalsDelta> partial = new ArrayList<>();
        Set<String> partialCodes = new HashSet<>();
        for (TotalsDelta delta : deltas) {
            if (refused.stream().anyMatch(delta.changes()::containsKey)) {
                partial.add(delta);
                partialCodes.add(delta.code());
            } else {
                whole.add(delta);
            }
        }
        Map<TotalsKey, List<Share>> accepted = new LinkedHashMap<>(byDocument);
        accepted.keySet().removeAll(refused);
        Map<TotalsKey, List<Share>> acceptedOfPartial = new LinkedHashMap<>();
        accepted.forEach((key, shares) -> shares.stream().filter(share -> partialCodes.contains(share.code()))
                .forEach(share -> acceptedOfPartial.computeIfAbsent(key, k -> new ArrayList<>()).add(share)));
        markTaken(acceptedOfPartial);
        dossiers.clearAllPending(whole);
        listsMarked(accepted.keySet(), seen);
        for (TotalsKey key : refused) {
            for (Share share : byDocument.get(key)) {
                takeOnce(key, share);
            }
        }
        for (TotalsDelta delta : partial) {
            dossiers.clearPending(delta.code(), delta.id());
        }
    }

    /** The lists these documents took at {@code seen} ({@link #takeTogether}) are marked now. */
    public void listsMarked(Collection<TotalsKey> keys, Map<TotalsKey, State> seen) {
        keys.forEach(key -> remember(key, seen.get(key)));
    }

    /** Marks the changes these documents just took ({@link #takeTogether}'s, for deltas the caller cannot clear). */
    public void markTaken(Map<TotalsKey, List<Share>> sharesByDocument) {
        List<Mark> marks = new ArrayList<>();
        sharesByDocument.forEach((key, shares) -> shares.forEach(share ->
                marks.add(new Mark(share.code(), key, share.version()))));
        dossiers.markTaken(marks);
    }

    /** The marks of the document's current list, unless this process wrote that list and its marks itself. */
    private List<Mark> unmarked(TotalsKey key, State seen) {
        if (seen == null || seen.taken().isEmpty()) {
            return List.of();
        }
        Long marked = markedAtRevision.get(key.id());
        if (marked != null && marked == seen.revision()) {
            return List.of();
        }
        List<Mark> marks = new ArrayList<>(seen.taken().size());
        seen.taken().forEach(taken -> marks.add(new Mark(taken.code(), key, taken.version())));
        return marks;
    }

    /**
     * After a write at {@code seen} whose list this process has marked: its next write of the document need not
     * mark it again. Said only once the marks are written, so a failure in between leaves nothing remembered.
     */
    private void remember(TotalsKey key, State seen) {
        markedAtRevision.put(key.id(), seen == null ? 1L : seen.revision() + 1);
    }

    /**
     * Converts the documents older builds wrote, with a watermark per dossier ({@code applied}): the dossiers'
     * pending deltas those watermarks say a document took are marked taken by it, then the watermarks are dropped;
     * a delta not pending any more is in every document already. Run before anything is applied. Returns how many
     * documents it converted.
     */
    public int convertWatermarks() {
        List<TotalsStore.LegacyDocument> legacy = totals.legacyDocuments();
        if (legacy.isEmpty()) {
            return 0;
        }
        Map<String, Map<String, Long>> watermarks = new HashMap<>();
        legacy.forEach(doc -> watermarks.put(doc.key().id(), doc.versions()));
        List<Mark> marks = new ArrayList<>();
        dossiers.forEachPending(delta -> delta.changes().keySet().forEach(key -> {
            Long taken = watermarks.getOrDefault(key.id(), Map.of()).get(delta.code());
            if (taken != null && taken >= delta.version()) {
                marks.add(new Mark(delta.code(), key, delta.version()));
            }
        }));
        dossiers.markTaken(marks);
        int converted = 0;
        for (TotalsStore.LegacyDocument doc : legacy) {
            if (totals.dropLegacy(doc)) {
                converted++;
            }
        }
        return converted;
    }
}
