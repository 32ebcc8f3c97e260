package app.mosaic.user.profile;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.mosaic.platform.events.DomainEvents;
import app.mosaic.platform.web.ApiProblem;

/** Edits to a person's own profile; every change is announced as ProfileUpdated for other services' copies. */
@Service
public class ProfileManagement {

	private final Profiles profiles;
	private final ApplicationEventPublisher inProcess;
	private final DomainEvents events;
	private final Clock clock;

	ProfileManagement(Profiles profiles, ApplicationEventPublisher inProcess, DomainEvents events, Clock clock) {
		this.profiles = profiles;
		this.inProcess = inProcess;
		this.events = events;
		this.clock = clock;
	}

	/** The full new state of the editable fields. */
	public record Changes(String fullName, String bio, String website, Long avatarMediaId, boolean isPrivate,
			Profile.AccountType accountType) {
	}

	/**
	 * @param edit the new fields, given the current profile (read under a row lock, so concurrent edits merge
	 *        in turn and never undo each other)
	 */
	@Transactional
	public Profile update(UUID id, Function<Profile, Changes> edit) {
		Profile before = profiles.findByIdForUpdate(id)
			.orElseThrow(() -> ApiProblem.notFound("Your profile is not ready yet. Try again in a moment."));
		Changes changes = edit.apply(before);
		Instant now = clock.instant();
		Profile after = profiles.update(id, changes.fullName(), changes.bio(), changes.website(), changes.avatarMediaId(),
				changes.isPrivate(), changes.accountType(), now);
		if (before.isPrivate() && !after.isPrivate()) {
			inProcess.publishEvent(new ProfileMadePublic(id));
		}
		events.publish(id.toString(), new ProfileEvents.ProfileUpdated(id, after.username(), after.fullName(),
				after.avatarMediaId() == null ? null : after.avatarMediaId().toString(), after.isPrivate(),
				after.accountType().name(), now));
		return after;
	}
}
