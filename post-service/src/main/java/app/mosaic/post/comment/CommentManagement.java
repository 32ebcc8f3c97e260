package app.mosaic.post.comment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.mosaic.platform.events.DomainEvents;
import app.mosaic.platform.ids.IdGenerator;
import app.mosaic.platform.security.Caller;
import app.mosaic.platform.web.ApiProblem;
import app.mosaic.post.people.People;
import app.mosaic.post.post.Caption;
import app.mosaic.post.post.Mentions;
import app.mosaic.post.post.Post;
import app.mosaic.post.post.PostManagement;
import app.mosaic.post.post.Posts;

/**
 * Comments, replies and comment likes. Every change to a post's comments first locks the post's row, so the
 * counters of one post change one transaction at a time and stay exact; each change publishes its event.
 */
@Service
public class CommentManagement {

	private final Comments comments;
	private final Posts posts;
	private final People people;
	private final Mentions mentions;
	private final DomainEvents events;
	private final IdGenerator ids;
	private final Clock clock;

	CommentManagement(Comments comments, Posts posts, People people, Mentions mentions, DomainEvents events,
			IdGenerator ids, Clock clock) {
		this.comments = comments;
		this.posts = posts;
		this.people = people;
		this.mentions = mentions;
		this.events = events;
		this.ids = ids;
		this.clock = clock;
	}

	/** Comments on a post the writer may see, or replies to a comment of it (a reply to a reply joins its thread). */
	@Transactional
	public Comment create(Caller writer, long postId, Long replyTo, String text) {
		Caption caption = Caption.comment(text);
		Post post = lockVisiblePost(writer.id(), postId);
		post.requireCommentsOpen();
		Comment parent = null;
		if (replyTo != null) {
			Comment answered = comments.findVisible(writer.id(), replyTo).filter(c -> c.postId() == postId)
				.orElseThrow(() -> ApiProblem.notFound("replyToCommentId: no such comment on this post."));
			parent = answered.isReply() ? comments.find(answered.threadId()).orElseThrow() : answered;
		}
		people.knownFromToken(writer.id(), writer.username());
		Instant now = clock.instant();
		Comment comment = new Comment(ids.next(), postId, writer.id(), parent == null ? null : parent.id(), caption.text(),
				mentions.resolve(writer.id(), caption), 0, 0, now, null);
		comments.insert(comment);
		events.publish(Long.toString(postId), new CommentEvents.CommentCreated(Long.toString(comment.id()), Long.toString(postId),
				post.authorId(), writer.id(), parent == null ? null : Long.toString(parent.id()),
				parent == null ? null : parent.authorId(), comment.text(),
				comment.mentions().stream().map(Post.Mention::id).toList(), now));
		return comment;
	}

	@Transactional
	public void edit(UUID by, long commentId, String text) {
		Comment comment = visible(by, commentId);
		comment.requireEditableBy(by);
		Caption caption = Caption.comment(text);
		comments.updateText(commentId, caption.text(), mentions.resolve(by, caption), clock.instant());
	}

	/** Deletes the comment with its replies, each with its CommentDeleted. */
	@Transactional
	public void delete(UUID by, long commentId) {
		Comment comment = visible(by, commentId);
		Post post = lockVisiblePost(by, comment.postId());
		comment.requireDeletableBy(by, post.authorId());
		Instant now = clock.instant();
		List<Comment> replies = comments.delete(comment);
		deleted(comment, post, by, now);
		replies.forEach(reply -> deleted(reply, post, by, now));
	}

	/** @param likeCount the comment's likes after the change */
	public record Liked(boolean liked, int likeCount) {
	}

	@Transactional
	public Liked like(UUID viewer, long commentId) {
		Comment comment = visible(viewer, commentId);
		Instant now = clock.instant();
		if (!comments.like(commentId, viewer, now)) {
			return new Liked(true, comment.likeCount());
		}
		int count = comments.countLikes(commentId, 1);
		events.publish(Long.toString(comment.postId()), new CommentEvents.CommentLiked(Long.toString(commentId),
				Long.toString(comment.postId()), comment.authorId(), viewer, count, now));
		return new Liked(true, count);
	}

	@Transactional
	public Liked unlike(UUID viewer, long commentId) {
		Comment comment = visible(viewer, commentId);
		if (!comments.unlike(commentId, viewer)) {
			return new Liked(false, comment.likeCount());
		}
		int count = comments.countLikes(commentId, -1);
		events.publish(Long.toString(comment.postId()), new CommentEvents.CommentUnliked(Long.toString(commentId),
				Long.toString(comment.postId()), comment.authorId(), viewer, count, clock.instant()));
		return new Liked(false, count);
	}

	public List<Comments.Shown> topLevel(UUID viewer, long postId, long before, int limit) {
		posts.findVisible(viewer, postId, Posts.Lock.NONE).orElseThrow(PostManagement::notFound);
		return comments.topLevel(viewer, postId, before, limit);
	}

	public List<Comments.Shown> replies(UUID viewer, long commentId, long before, int limit) {
		visible(viewer, commentId);
		return comments.replies(viewer, commentId, before, limit);
	}

	public Comments.Shown shown(UUID viewer, long commentId) {
		return comments.shown(viewer, commentId).orElseThrow(CommentManagement::notFound);
	}

	private Comment visible(UUID viewer, long commentId) {
		return comments.findVisible(viewer, commentId).orElseThrow(CommentManagement::notFound);
	}

	private Post lockVisiblePost(UUID viewer, long postId) {
		// the post's row lock orders every change to its comments and counters
		return posts.findVisible(viewer, postId, Posts.Lock.AGAINST_CHANGES).orElseThrow(PostManagement::notFound);
	}

	private void deleted(Comment c, Post post, UUID by, Instant at) {
		events.publish(Long.toString(c.postId()), new CommentEvents.CommentDeleted(Long.toString(c.id()), Long.toString(c.postId()),
				post.authorId(), c.authorId(), c.parentId() == null ? null : Long.toString(c.parentId()), by, at));
	}

	static ApiProblem notFound() {
		return ApiProblem.notFound("No such comment.");
	}
}
