package app.mosaic.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * An undirected friendship graph, each edge loaded as a follow both ways, as DeathStarBench's socialNetwork
 * loads socfb-Reed98. Read from an edge file (two zero-based person numbers a line, the format of the Network
 * Data Repository), or generated with the same size and a like degree distribution when there is none.
 */
record SocialGraph(int size, List<int[]> edges, String source) {

	/** socfb-Reed98: 962 people, mean degree 39.1, log-degrees of mean 3.19 and deviation 1.13 (nearly lognormal). */
	private static final int REED98_SIZE = 962;
	private static final double LOG_DEGREE_MEAN = 3.19;
	private static final double LOG_DEGREE_SD = 1.13;
	private static final double MEAN_DEGREE = 39.1;

	/** The graph in {@code -Dgraph=path/to/socfb-Reed98.edges}, or a generated one of {@code -Dpeople=} (962). */
	static SocialGraph fromProperties() {
		String file = System.getProperty("graph");
		return file == null || file.isBlank() ? generated(Integer.getInteger("people", REED98_SIZE), 42) : read(Path.of(file));
	}

	static SocialGraph read(Path file) {
		List<int[]> edges = new ArrayList<>();
		int size = 0;
		try {
			for (String line : Files.readAllLines(file)) {
				String[] ends = line.strip().split("[\\s,]+");
				if (ends.length < 2 || line.startsWith("%") || line.startsWith("#")) {
					continue;
				}
				int a = Integer.parseInt(ends[0]);
				int b = Integer.parseInt(ends[1]);
				if (a != b) {
					edges.add(new int[] { a, b });
					size = Math.max(size, Math.max(a, b) + 1);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("the graph " + file + " cannot be read", e);
		}
		return new SocialGraph(size, edges, file.getFileName().toString());
	}

	/**
	 * A Chung-Lu graph: each person gets an expected degree drawn from Reed98's lognormal fit (scaled to its mean degree), and each pair is
	 * an edge with probability w(a) w(b) / sum(w), so the degrees come out close to the drawn ones.
	 */
	static SocialGraph generated(int size, long seed) {
		Random random = new Random(seed);
		double[] weight = new double[size];
		double total = 0;
		for (int i = 0; i < size; i++) {
			weight[i] = Math.min(size - 1, Math.exp(LOG_DEGREE_MEAN + LOG_DEGREE_SD * random.nextGaussian()));
			total += weight[i];
		}
		// the fit's mean is a little above Reed98's: scale the weights to its mean degree
		double scale = MEAN_DEGREE * size / total;
		total = 0;
		for (int i = 0; i < size; i++) {
			weight[i] = Math.min(size - 1, weight[i] * scale);
			total += weight[i];
		}
		List<int[]> edges = new ArrayList<>();
		for (int a = 0; a < size; a++) {
			for (int b = a + 1; b < size; b++) {
				if (random.nextDouble() < Math.min(1, weight[a] * weight[b] / total)) {
					edges.add(new int[] { a, b });
				}
			}
		}
		return new SocialGraph(size, edges, "generated (Chung-Lu, Reed98's degree fit, %d people)".formatted(size));
	}

	/** Follows made from the edges: each edge both ways. */
	int follows() {
		return edges.size() * 2;
	}
}
