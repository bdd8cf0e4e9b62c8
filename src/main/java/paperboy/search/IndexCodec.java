package paperboy.search;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.codecs.perfield.PerFieldKnnVectorsFormat;

/**
 * Lucene's default codec with two choices of Paperboy's: the format of the vector fields' HNSW
 * graphs, and stored fields in small blocks.
 *
 * <p>The stored fields (each paper's id, title and abstract) are read for the hits of every search,
 * to mark them. Lucene's default compresses them in blocks of 80 KB with a shared dictionary, and
 * reading one paper decompresses the dictionary and the 8 KB part holding it: a sixth of a keyword
 * search at a million papers. Here blocks are {@link #STORED_BLOCK} bytes (three papers or so),
 * compressed alone with LZ4, so reading a paper decompresses a few KB; they take 15 % more space
 * (BENCHMARKS.md, "Search latency at 100,000 and 1,000,000 papers").
 *
 * <p>Segments record their codec by name ({@link #NAME}), and Lucene finds it again through
 * {@code META-INF/services}; segments written before (Lucene's own codec) are read as they are and
 * take this codec when they are next merged.
 */
public final class IndexCodec extends FilterCodec {
    static final String NAME = "Paperboy104";
    /** Bytes of stored fields compressed together. */
    static final int STORED_BLOCK = 4 * 1024;

    private final KnnVectorsFormat vectors;
    private final StoredFieldsFormat storedFields = new Lucene90CompressingStoredFieldsFormat(
            "PaperboyStoredFields", CompressionMode.FAST, STORED_BLOCK, 128, 10);

    /**
     * The codec as Lucene loads it to read an index: each vector field's format is read by the name the
     * field records, so the format given here matters for writing only.
     */
    public IndexCodec() {
        this(Semantic.VectorFormat.FLOAT32);
    }

    IndexCodec(Semantic.VectorFormat format) {
        super(NAME, new Lucene104Codec());
        KnnVectorsFormat graph = format == Semantic.VectorFormat.INT8
                ? new Lucene104HnswScalarQuantizedVectorsFormat()
                : new Lucene99HnswVectorsFormat();
        this.vectors = new PerFieldKnnVectorsFormat() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return graph;
            }
        };
    }

    @Override
    public KnnVectorsFormat knnVectorsFormat() {
        return vectors;
    }

    @Override
    public StoredFieldsFormat storedFieldsFormat() {
        return storedFields;
    }
}
