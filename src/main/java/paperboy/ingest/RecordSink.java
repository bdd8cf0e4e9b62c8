package paperboy.ingest;

import paperboy.paper.PaperUpdate;

/** Where a format reader sends what it read: good records and skipped ones, in file order. */
interface RecordSink {
    void accept(PaperUpdate update);

    void reject(Rejection rejection);
}
