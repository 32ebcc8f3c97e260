package app.mosaic.post.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.mosaic.post.people.People;

/** Resolves the usernames a caption or comment mentions to people, as they are when it is written. */
@Component
public class Mentions {

	private final People people;

	Mentions(People people) {
		this.people = people;
	}

	/** People who exist and are in no block with the writer, in order of first mention; the writer is left out. */
	public List<Post.Mention> resolve(UUID writer, Caption text) {
		Map<String, People.Person> found = people.mentionable(writer, text.mentionedUsernames());
		List<Post.Mention> mentions = new ArrayList<>();
		for (String name : text.mentionedUsernames()) {
			People.Person person = found.get(name);
			if (person != null && !person.id().equals(writer)) {
				mentions.add(new Post.Mention(person.id(), person.username()));
			}
		}
		return mentions;
	}
}
