package paperboy.search;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;

/** Lucene's default codec, with the chosen format for the vector field's HNSW graph. */
final class IndexCodec {
    private IndexCodec() {}

    static Codec with(Semantic.VectorFormat format) {
        KnnVectorsFormat vectors = format == Semantic.VectorFormat.INT8
                ? new Lucene104HnswScalarQuantizedVectorsFormat()
                : new Lucene99HnswVectorsFormat();
        return new Lucene104Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return vectors;
            }
        };
    }
}
