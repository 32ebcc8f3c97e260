package app.mosaic.post.comment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.mosaic.platform.web.ApiProblem;
import app.mosaic.post.post.Post;

/**
 * A comment on a post, or a reply to one: replies are one level deep, as on Instagram, so a reply's parent is
 * always a top-level comment.
 */
public record Comment(long id, long postId, UUID authorId, Long parentId, String text, List<Post.Mention> mentions,
		int likeCount, int replyCount, Instant createdAt, Instant editedAt) {

	public boolean isReply() {
		return parentId != null;
	}

	/** The comment a reply to this one attaches to: itself, or its own parent when it is a reply. */
	public long threadId() {
		return parentId == null ? id : parentId;
	}

	/** Only the author edits a comment. */
	void requireEditableBy(UUID person) {
		if (!authorId.equals(person)) {
			throw ApiProblem.forbidden("Only the author can edit this comment.");
		}
	}

	/** The author deletes a comment, and so does the post's owner, on their own post. */
	void requireDeletableBy(UUID person, UUID postAuthor) {
		if (!authorId.equals(person) && !postAuthor.equals(person)) {
			throw ApiProblem.forbidden("Only the comment's author or the post's owner can delete this comment.");
		}
	}
}
