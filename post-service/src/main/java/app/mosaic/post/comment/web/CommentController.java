package app.mosaic.post.comment.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.mosaic.platform.security.Caller;
import app.mosaic.platform.web.Ids;
import app.mosaic.platform.web.Page;
import app.mosaic.platform.web.PageRequest;
import app.mosaic.post.comment.CommentManagement;
import app.mosaic.post.comment.Comments;
import app.mosaic.post.post.web.PostViews;

/** Comments on posts, one level of replies, and comment likes. */
@RestController
@RequestMapping("/api/v1")
class CommentController {

	private final CommentManagement management;
	private final PostViews views;

	CommentController(CommentManagement management, PostViews views) {
		this.management = management;
		this.views = views;
	}

	@PostMapping("/posts/{id}/comments")
	ResponseEntity<CommentView> create(Caller caller, @PathVariable String id, @Valid @RequestBody CommentRequest request) {
		long postId = Ids.inPath(id, "post");
		Long replyTo = request.replyToCommentId() == null ? null : Ids.inBody("replyToCommentId", request.replyToCommentId(), "comment");
		var comment = management.create(caller, postId, replyTo, request.text());
		return ResponseEntity.created(URI.create("/api/v1/comments/" + comment.id()))
			.body(view(management.shown(caller.id(), comment.id())));
	}

	/** Top-level comments, newest first, each with its reply count. */
	@GetMapping("/posts/{id}/comments")
	Page<CommentView> comments(Caller caller, @PathVariable String id, PageRequest page) {
		return page.page(management.topLevel(caller.id(), Ids.inPath(id, "post"), page.before(), page.fetch()), this::view,
				s -> s.comment().id());
	}

	@GetMapping("/comments/{id}/replies")
	Page<CommentView> replies(Caller caller, @PathVariable String id, PageRequest page) {
		return page.page(management.replies(caller.id(), Ids.inPath(id, "comment"), page.before(), page.fetch()), this::view,
				s -> s.comment().id());
	}

	@PatchMapping("/comments/{id}")
	CommentView edit(Caller caller, @PathVariable String id, @Valid @RequestBody EditCommentRequest request) {
		long commentId = Ids.inPath(id, "comment");
		management.edit(caller.id(), commentId, request.text());
		return view(management.shown(caller.id(), commentId));
	}

	@DeleteMapping("/comments/{id}")
	ResponseEntity<Void> delete(Caller caller, @PathVariable String id) {
		management.delete(caller.id(), Ids.inPath(id, "comment"));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/comments/{id}/like")
	CommentManagement.Liked like(Caller caller, @PathVariable String id) {
		return management.like(caller.id(), Ids.inPath(id, "comment"));
	}

	@DeleteMapping("/comments/{id}/like")
	CommentManagement.Liked unlike(Caller caller, @PathVariable String id) {
		return management.unlike(caller.id(), Ids.inPath(id, "comment"));
	}

	private CommentView view(Comments.Shown s) {
		var c = s.comment();
		return new CommentView(Long.toString(c.id()), Long.toString(c.postId()),
				c.parentId() == null ? null : Long.toString(c.parentId()), views.author(s.author()), c.text(),
				c.mentions().stream().map(m -> new PostViews.MentionView(m.id(), m.username())).toList(), c.createdAt(),
				c.editedAt(), c.likeCount(), c.replyCount(), new ViewerView(s.liked()));
	}

	/** @param text 1 to 2 200 characters @param replyToCommentId a comment of the same post to answer */
	record CommentRequest(@NotNull @Size(max = 10_000) String text, String replyToCommentId) {
	}

	record EditCommentRequest(@NotNull @Size(max = 10_000) String text) {
	}

	/** @param parentId the comment this one replies to, absent for a top-level comment */
	record CommentView(String id, String postId, String parentId, PostViews.AuthorView author, String text,
			List<PostViews.MentionView> mentions, Instant createdAt, Instant editedAt, int likeCount, int replyCount,
			ViewerView viewer) {
	}

	record ViewerView(boolean liked) {
	}
}
