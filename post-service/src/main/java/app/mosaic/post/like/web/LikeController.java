package app.mosaic.post.like.web;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import app.mosaic.platform.security.Caller;
import app.mosaic.platform.web.Ids;
import app.mosaic.platform.web.Page;
import app.mosaic.platform.web.PageRequest;
import app.mosaic.post.like.PostLikes;
import app.mosaic.post.post.web.PostViews;

/** Liking and unliking posts (idempotent, as retries need), and who liked one. */
@RestController
@RequestMapping("/api/v1/posts/{id}")
class LikeController {

	private final PostLikes likes;
	private final PostViews views;

	LikeController(PostLikes likes, PostViews views) {
		this.likes = likes;
		this.views = views;
	}

	@PostMapping("/like")
	PostLikes.Liked like(Caller caller, @PathVariable String id) {
		return likes.like(caller.id(), Ids.inPath(id, "post"));
	}

	@DeleteMapping("/like")
	PostLikes.Liked unlike(Caller caller, @PathVariable String id) {
		return likes.unlike(caller.id(), Ids.inPath(id, "post"));
	}

	@GetMapping("/likes")
	Page<PostViews.AuthorView> likers(Caller caller, @PathVariable String id, PageRequest page) {
		return page.page(likes.likers(caller.id(), Ids.inPath(id, "post"), page.before(), page.fetch()),
				l -> views.author(l.person()), PostLikes.Liker::position);
	}
}
