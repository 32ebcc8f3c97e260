package app.mosaic.user.benchmark;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Seeds user-service's database with a synthetic social graph: 100 000 profiles and 1 000 000 follows, the
 * same every run (fixed random seed). Followees are drawn from a power law, as on Instagram: a few accounts
 * have tens of thousands of followers, most have a handful. Loaded with COPY, then counts are recomputed.
 * Safe to repeat: it does nothing when the seed is already there.
 *
 * <p>The profiles exist in user-service only (not in Keycloak): the load run reads, searches and follows them
 * as real, signed-in users.
 */
public final class SocialGraphSeeder {

	static final int USERS = Integer.getInteger("users", 100_000);
	static final int FOLLOWS = Integer.getInteger("follows", 1_000_000);
	static final String EMAIL_DOMAIN = "@seed.mosaic.test";

	private static final String[] FIRST = ("ana bea carla diana eva fatima gabriela helena ines joana lara marta nadia olga paula "
			+ "rita sara tania vera yara zoe alice clara elisa flora grace ivy julia kate laura maria nina rosa sofia "
			+ "andre bruno carlos daniel eduardo fabio gustavo hugo ivan jorge luis marco nuno otavio pedro rui sergio "
			+ "tiago victor walter xavier yuri zeca adam ben chris david ethan frank george henry jack leo max noah "
			+ "oscar peter quinn ryan sam tom umar vince will aiko chen dmitri emre farah hiro imani jin kofi lena "
			+ "mei omar priya ravi sana taro uma wei yusuf").split(" ");
	private static final String[] LAST = ("silva santos ferreira pereira oliveira costa rodrigues martins jesus sousa "
			+ "fernandes goncalves gomes lopes marques alves almeida ribeiro pinto carvalho teixeira moreira correia "
			+ "mendes nunes soares vieira monteiro cardoso rocha raposo neves coelho cruz cunha pires ramos reis simoes "
			+ "antunes matos fonseca machado araujo barbosa tavares lourenco castro smith johnson brown taylor wilson "
			+ "davies evans thomas roberts walker wright green hall wood clarke jackson white harris martin thompson "
			+ "garcia martinez lopez gonzalez hernandez muller schmidt schneider fischer weber meyer wagner becker "
			+ "tanaka suzuki takahashi watanabe kim lee park choi nguyen tran patel shah khan singh kumar novak "
			+ "kowalski nowak horvath rossi russo bianchi romano colombo ricci").split(" ");

	private SocialGraphSeeder() {
	}

	public static void main(String[] args) throws Exception {
		String url = System.getProperty("db", "jdbc:postgresql://127.0.0.1:5433/user-service");
		try (Connection db = DriverManager.getConnection(url, System.getProperty("dbUser", "postgres"),
				System.getProperty("dbPassword", "postgres"))) {
			if (seeded(db) >= USERS) {
				System.out.printf("Already seeded: %d profiles ending in %s%n", seeded(db), EMAIL_DOMAIN);
				return;
			}
			long started = System.nanoTime();
			seed(db);
			System.out.printf("Seeded %d profiles and %d follows in %.1f s%n", USERS, FOLLOWS,
					(System.nanoTime() - started) / 1e9);
		}
	}

	static UUID id(int i) {
		return UUID.nameUUIDFromBytes(("mosaic-seed-" + i).getBytes(StandardCharsets.UTF_8));
	}

	/** A unique, lower-case username like "ana.silva", "ana.silva7" or "ana_silva.1203". */
	static String username(int i, Random random) {
		String first = FIRST[random.nextInt(FIRST.length)];
		String last = LAST[random.nextInt(LAST.length)];
		String separator = random.nextInt(4) == 0 ? "_" : ".";
		return first + separator + last + (i < FIRST.length * LAST.length / 8 ? "" : Integer.toString(i));
	}

	private static long seeded(Connection db) throws Exception {
		try (Statement s = db.createStatement();
				ResultSet rs = s.executeQuery("SELECT count(*) FROM profile WHERE email LIKE '%" + EMAIL_DOMAIN + "'")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static void seed(Connection db) throws Exception {
		db.setAutoCommit(false);
		CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
		Random random = new Random(20261121);
		Instant now = Instant.now();
		Set<String> taken = new HashSet<>();
		StringBuilder profiles = new StringBuilder(USERS * 120);
		for (int i = 0; i < USERS; i++) {
			String username = username(i, random);
			while (!taken.add(username)) {
				username = username + random.nextInt(10);
			}
			String[] names = username.split("[._]");
			String fullName = capital(names[0]) + " " + capital(names[1].replaceAll("[0-9]+$", ""));
			boolean isPrivate = random.nextInt(10) == 0; // about one account in ten is private
			profiles.append(id(i)).append('\t').append(username).append('\t').append("u").append(i).append(EMAIL_DOMAIN)
				.append('\t').append(fullName).append('\t').append(isPrivate).append('\t').append(now).append('\t')
				.append(now).append('\n');
		}
		copy.copyIn("COPY profile (id, username, email, full_name, private, created_at, updated_at) FROM STDIN",
				new StringReader(profiles.toString()));
		System.out.printf("  %d profiles%n", USERS);

		// followee rank r is drawn with probability ~ 1/(r+1)^0.9: a Zipf-like tail, as follower counts have
		ZipfSampler popularity = new ZipfSampler(USERS, 0.9, random);
		Set<Long> edges = new HashSet<>(FOLLOWS * 2);
		StringBuilder follows = new StringBuilder(FOLLOWS / 10 * 100);
		long seq = 1;
		while (edges.size() < FOLLOWS) {
			int follower = random.nextInt(USERS);
			int followee = popularity.next();
			if (follower == followee || !edges.add((long) follower * USERS + followee)) {
				continue;
			}
			follows.append(id(follower)).append('\t').append(id(followee)).append("\tFOLLOWING\t").append(seq++)
				.append('\t').append(now).append('\n');
			if (seq % 100_000 == 0) {
				copy.copyIn("COPY follow (follower_id, followee_id, state, seq, created_at) FROM STDIN",
						new StringReader(follows.toString()));
				follows.setLength(0);
			}
		}
		copy.copyIn("COPY follow (follower_id, followee_id, state, seq, created_at) FROM STDIN",
				new StringReader(follows.toString()));
		System.out.printf("  %d follows%n", edges.size());
		try (Statement s = db.createStatement()) {
			s.execute("""
					UPDATE profile p SET follower_count = c.n FROM
					  (SELECT followee_id, count(*) AS n FROM follow WHERE state = 'FOLLOWING' GROUP BY followee_id) c
					WHERE p.id = c.followee_id""");
			s.execute("""
					UPDATE profile p SET following_count = c.n FROM
					  (SELECT follower_id, count(*) AS n FROM follow WHERE state = 'FOLLOWING' GROUP BY follower_id) c
					WHERE p.id = c.follower_id""");
		}
		db.commit();
		db.setAutoCommit(true);
		try (Statement s = db.createStatement()) {
			s.execute("VACUUM ANALYZE profile");
			s.execute("VACUUM ANALYZE follow");
		}
	}

	private static String capital(String s) {
		return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
	}

	/** Draws ranks 0..n-1 with P(r) proportional to 1/(r+1)^s, by binary search over the cumulative weights. */
	static final class ZipfSampler {

		private final double[] cumulative;
		private final Random random;

		ZipfSampler(int n, double s, Random random) {
			this.random = random;
			cumulative = new double[n];
			double sum = 0;
			for (int r = 0; r < n; r++) {
				sum += 1 / Math.pow(r + 1, s);
				cumulative[r] = sum;
			}
		}

		int next() {
			double x = random.nextDouble() * cumulative[cumulative.length - 1];
			int lo = 0;
			int hi = cumulative.length - 1;
			while (lo < hi) {
				int mid = (lo + hi) >>> 1;
				if (cumulative[mid] < x) {
					lo = mid + 1;
				}
				else {
					hi = mid;
				}
			}
			return lo;
		}
	}
}
