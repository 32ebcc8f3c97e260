package app.mosaic.user.profile;

import java.util.UUID;

/**
 * In-process: a private profile turned public, inside the transaction of that change. The social graph approves
 * the pending follow requests in the same transaction, without the profile module depending on the graph.
 */
public record ProfileMadePublic(UUID profileId) {
}
