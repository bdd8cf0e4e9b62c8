package paperboy.harvest;

import java.util.List;
import paperboy.paper.Paper;

/**
 * Where harvested pages go. The store implements it by upserting the papers, marking the deleted
 * records' papers withdrawn and saving {@code next} in ONE transaction: that is what makes a
 * harvest crash-safe (a page is either stored with its checkpoint or not at all, and a re-stored
 * page changes nothing).
 */
@FunctionalInterface
public interface HarvestSink {
    void store(List<Paper> papers, List<OaiRecord.Deleted> deleted, HarvestCheckpoint next);
}
