package app.mosaic.load;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.imageio.ImageIO;

/**
 * Photos for the posts a run creates: small generated JPEGs uploaded through the gateway before the measured
 * steps, since a post can only be made of media that media-service has already processed.
 */
final class Photos {

	/** A processed photo and the person who owns it (only its owner can post it). */
	record Photo(People.Person owner, String mediaId) {
	}

	private Photos() {
	}

	/** Uploads {@code count} photos, spread over the people round robin, two at a time (media-service's threads). */
	static List<Photo> upload(String gateway, List<People.Person> people, int count) {
		List<Photo> photos = new ArrayList<>(count);
		try (var pool = Executors.newFixedThreadPool(2)) {
			List<Future<Photo>> uploads = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				People.Person owner = people.get(i % people.size());
				byte[] jpeg = jpeg(i);
				uploads.add(pool.submit(() -> new Photo(owner, Api.upload(gateway, owner.freshToken(), jpeg))));
			}
			for (Future<Photo> upload : uploads) {
				photos.add(upload.get());
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		catch (ExecutionException e) {
			throw new IllegalStateException("an upload failed: " + e.getCause().getMessage(), e.getCause());
		}
		return photos;
	}

	/** A 200 x 250 picture of coloured blocks, different for every seed, so no two uploads are the same bytes. */
	static byte[] jpeg(int seed) {
		Random random = new Random(seed);
		BufferedImage image = new BufferedImage(200, 250, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		for (int y = 0; y < 250; y += 25) {
			for (int x = 0; x < 200; x += 25) {
				g.setColor(new Color(random.nextInt(0xFFFFFF)));
				g.fillRect(x, y, 25, 25);
			}
		}
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "jpg", out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}
}
