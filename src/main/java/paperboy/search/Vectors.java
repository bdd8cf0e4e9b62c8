package paperboy.search;

import java.util.List;

/** Arithmetic on embedding vectors: normalising, averaging, and the cosine of unit vectors. */
public final class Vectors {

    private Vectors() {
    }

    /** The vector scaled to length 1; a zero vector stays zero. */
    public static float[] normalise(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        float[] out = v.clone();
        if (sum == 0) {
            return out;
        }
        float inverse = (float) (1 / Math.sqrt(sum));
        for (int i = 0; i < out.length; i++) {
            out[i] *= inverse;
        }
        return out;
    }

    /** The normalised mean of several vectors, e.g. of the windows of one long text. */
    public static float[] normalisedMean(List<float[]> vectors) {
        float[] sum = new float[vectors.getFirst().length];
        for (float[] v : vectors) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += v[i];
            }
        }
        return normalise(sum);
    }

    /** Cosine similarity of two unit vectors, which is their dot product. */
    public static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
