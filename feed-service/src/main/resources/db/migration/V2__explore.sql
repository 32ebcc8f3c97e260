-- Explore ranks recent public posts by engagement with time decay, as Reddit's "hot" ranking does: the score
-- is log10(1 + likes + 2 x comments) plus the creation time in units of 12.5 hours, so ten times the
-- engagement is worth being 12.5 hours newer. Every post's score ages alike, so the order depends only on
-- engagement and creation time: it is stored, indexed, and changes only when likes or comments arrive.
ALTER TABLE post ADD COLUMN score double precision NOT NULL DEFAULT 0;

CREATE FUNCTION post_score() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.score := log(1 + NEW.like_count + 2 * NEW.comment_count) + extract(epoch FROM NEW.created_at) / 45000;
    RETURN NEW;
END $$;

CREATE TRIGGER post_score BEFORE INSERT OR UPDATE OF like_count, comment_count, created_at ON post
    FOR EACH ROW EXECUTE FUNCTION post_score();

UPDATE post SET created_at = created_at;

CREATE INDEX post_explore ON post (score DESC, id DESC) WHERE deleted_at IS NULL;

-- Hashtag uses of public posts per hour, from post events: trending compares the last day's uses with the
-- usual rate of the week before. Rows older than that are deleted.
CREATE TABLE hashtag_use (
    tag  text        NOT NULL,
    hour timestamptz NOT NULL,
    uses int         NOT NULL CHECK (uses >= 0),
    PRIMARY KEY (hour, tag)
);
CREATE INDEX hashtag_use_tag ON hashtag_use (tag, hour);
