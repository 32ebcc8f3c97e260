package app.mosaic.media.image;

/** An upload that cannot become media, with the reason written for the person who sent it. */
public class ImageRejected extends RuntimeException {

	public enum Reason {
		/** Not one of the accepted formats, or animated. */
		UNSUPPORTED,
		/** Over the size or pixel limit. */
		TOO_LARGE,
		/** Empty, truncated, corrupt, or edits that do not fit the image. */
		INVALID
	}

	private final Reason reason;

	public ImageRejected(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}
}
