/** Posts at the HTTP edge; its views are shared with the modules that list posts and people (saves, discovery, comments, likes). */
@NamedInterface("web")
package app.mosaic.post.post.web;

import org.springframework.modulith.NamedInterface;
