"""Writes mosaic.postman_collection.json and local.postman_environment.json beside this file.\n\nThe collection is generated so that every request follows one pattern (a token variable, a status test,\nids passed on in collection variables). Add a request below when an endpoint lands, then run:\n    python3 docs/postman/build_collection.py\n"""
import json

def js(s): return [l for l in s.strip('\n').split('\n')]

def req(name, method, path, token=None, body=None, tests="", pre="", form=None, raw_url=None, headers=()):
    r = {"name": name, "request": {"method": method, "header": list(headers), "url": raw_url or ("{{baseUrl}}/api/v1" + path)}}
    if token:
        r["request"]["header"].append({"key": "Authorization", "value": "Bearer {{%s}}" % token})
    else:
        r["request"]["auth"] = {"type": "noauth"}
    if body is not None:
        r["request"]["header"].append({"key": "Content-Type", "value": "application/json"})
        r["request"]["body"] = {"mode": "raw", "raw": json.dumps(body, indent=2) if not isinstance(body, str) else body}
    if form is not None:
        r["request"]["body"] = {"mode": "formdata", "formdata": form}
    ev = []
    if pre: ev.append({"listen": "prerequest", "script": {"type": "text/javascript", "exec": js(pre)}})
    if tests: ev.append({"listen": "test", "script": {"type": "text/javascript", "exec": js(tests)}})
    if ev: r["event"] = ev
    return r

def status(code, what=None):
    return "pm.test('%s', () => pm.response.to.have.status(%d));" % (what or ('answers %d' % code), code)

def wait_profile(who):
    return """
// the profile is made from UserRegistered moments after sign-up: ask again until it exists
const tries = (pm.collectionVariables.get('tries') || 0) + 1;
if (pm.response.code === 404 && tries < 60) {
  pm.collectionVariables.set('tries', tries);
  setTimeout(() => {}, 250);
  postman.setNextRequest(pm.info.requestName);
} else {
  pm.collectionVariables.set('tries', 0);
  pm.test('%s\\'s profile is ready', () => pm.response.to.have.status(200));
  pm.test('it is %s\\'s own, with settings', () => {
    const me = pm.response.json();
    pm.expect(me.username).to.eql(pm.collectionVariables.get('%sUsername'));
    pm.expect(me.email).to.eql(pm.collectionVariables.get('%sEmail'));
  });
}
""" % (who, who, who, who)

accounts = [
  req("Register ana", "POST", "/auth/register", body={"username": "{{anaUsername}}", "email": "{{anaEmail}}", "password": "{{anaPassword}}", "fullName": "Ana Silva"},
      pre="""
// a fresh pair of people every run, so the collection can run again and again against one platform
const run = Date.now().toString(36) + Math.floor(Math.random() * 1e4).toString(36);
pm.collectionVariables.set('run', run);
for (const who of ['ana', 'bob']) {
  pm.collectionVariables.set(who + 'Username', who + '.' + run);
  pm.collectionVariables.set(who + 'Email', who + '.' + run + '@example.com');
  pm.collectionVariables.set(who + 'Password', 'correct-horse-' + run);
}
""",
      tests=status(201) + """
pm.test('answers the new account', () => {
  const body = pm.response.json();
  pm.expect(body.username).to.eql(pm.collectionVariables.get('anaUsername'));
  pm.expect(body.userId).to.match(/^[0-9a-f-]{36}$/);
  pm.collectionVariables.set('anaId', body.userId);
});
"""),
  req("Register a taken username", "POST", "/auth/register", body={"username": "{{anaUsername}}", "email": "other.{{anaEmail}}", "password": "{{anaPassword}}", "fullName": "Other"},
      tests=status(409)),
  req("Register with invalid fields", "POST", "/auth/register", body={"username": "Not Valid!", "email": "nope", "password": "short", "fullName": "X"},
      tests=status(400) + """
pm.test('names each invalid field', () => {
  const fields = pm.response.json().errors.map(e => e.field);
  pm.expect(fields).to.include.members(['username', 'email', 'password']);
});
"""),
  req("Register bob", "POST", "/auth/register", body={"username": "{{bobUsername}}", "email": "{{bobEmail}}", "password": "{{bobPassword}}", "fullName": "Bob Jones"},
      tests=status(201) + "\npm.collectionVariables.set('bobId', pm.response.json().userId);"),
  req("Sign in ana with her username", "POST", "/auth/token", body={"login": "{{anaUsername}}", "password": "{{anaPassword}}"},
      tests=status(200) + """
pm.test('answers bearer tokens', () => {
  const t = pm.response.json();
  pm.expect(t.tokenType).to.eql('Bearer');
  pm.expect(t.expiresIn).to.be.above(0);
  pm.collectionVariables.set('anaToken', t.accessToken);
  pm.collectionVariables.set('anaRefresh', t.refreshToken);
});
"""),
  req("Sign in bob with his e-mail", "POST", "/auth/token", body={"login": "{{bobEmail}}", "password": "{{bobPassword}}"},
      tests=status(200) + """
pm.collectionVariables.set('bobToken', pm.response.json().accessToken);
pm.collectionVariables.set('bobRefresh', pm.response.json().refreshToken);
"""),
  req("Sign in bob as a browser does (refresh token in an httpOnly cookie)", "POST", "/auth/token",
      body={"login": "{{bobUsername}}", "password": "{{bobPassword}}"}, headers=[{"key": "X-Mosaic-Session", "value": "cookie"}],
      tests=status(200) + """
pm.test('the refresh token is a cookie no script reads, not part of the answer', () => {
  pm.expect(pm.response.json().accessToken).to.be.a('string');
  pm.expect(pm.response.json()).to.not.have.property('refreshToken');
  const cookie = pm.response.headers.get('Set-Cookie');
  pm.expect(cookie).to.include('mosaic_refresh=').and.include('HttpOnly').and.include('SameSite=Strict').and.include('Path=/api/v1/auth');
});
"""),
  req("Refresh bob's browser session from its cookie", "POST", "/auth/token/refresh", body={},
      tests=status(200) + """
pm.test('a new access token, and the cookie renewed', () => {
  pm.expect(pm.response.json().accessToken).to.be.a('string');
  pm.expect(pm.response.json()).to.not.have.property('refreshToken');
  pm.expect(pm.response.headers.get('Set-Cookie')).to.include('mosaic_refresh=');
});
"""),
  req("Sign in with a wrong password", "POST", "/auth/token", body={"login": "{{bobUsername}}", "password": "wrong-password"}, tests=status(401)),
  req("Refresh ana's tokens", "POST", "/auth/token/refresh", body={"refreshToken": "{{anaRefresh}}"},
      tests=status(200) + """
pm.collectionVariables.set('anaToken', pm.response.json().accessToken);
pm.collectionVariables.set('anaRefresh', pm.response.json().refreshToken);
"""),
  req("Forgot password", "POST", "/auth/password/forgot", body={"email": "{{anaEmail}}"}, tests=status(202, "answers 202, whether or not the address exists")),
]

profiles = [
  req("Ana's own profile", "GET", "/users/me", token="anaToken", tests=wait_profile("ana")),
  req("Bob's own profile", "GET", "/users/me", token="bobToken", tests=wait_profile("bob")),
  req("Without a token", "GET", "/users/me", tests=status(401)),
  req("Ana edits her profile", "PATCH", "/users/me", token="anaToken", body={"bio": "Photos of Lisbon", "website": "https://ana.example"},
      tests=status(200) + "\npm.test('the bio changed', () => pm.expect(pm.response.json().bio).to.eql('Photos of Lisbon'));"),
  req("A bio that is too long", "PATCH", "/users/me", token="anaToken", body='{"bio": "' + "x" * 151 + '"}',
      tests=status(400) + "\npm.test('names the bio', () => pm.expect(pm.response.json().errors[0].field).to.eql('bio'));"),
  req("Bob makes his account private", "PATCH", "/users/me", token="bobToken", body={"private": True},
      tests=status(200) + "\npm.test('it is private', () => pm.expect(pm.response.json().private).to.eql(true));"),
  req("Ana looks at bob", "GET", "/users/{{bobUsername}}", token="anaToken",
      tests=status(200) + """
pm.test('a private profile, not followed yet', () => {
  const p = pm.response.json();
  pm.expect(p.private).to.eql(true);
  pm.expect(p.viewer.following).to.eql(false);
  pm.expect(p.counts).to.have.keys('posts', 'followers', 'following');
});
"""),
  req("Nobody by that name", "GET", "/users/nobody.{{run}}", token="anaToken", tests=status(404)),
]

media = [
  req("Ana uploads a photo", "POST", "/media", token="anaToken",
      form=[{"key": "file", "type": "file", "src": "fixtures/photo.jpg"},
            {"key": "edit", "type": "text", "value": "{\"aspect\":\"4:5\",\"brightness\":10,\"filter\":\"warm\"}", "contentType": "application/json"}],
      tests=status(201) + """
pm.test('processed into signed variants', () => {
  const m = pm.response.json();
  pm.expect(m.type).to.eql('IMAGE');
  pm.expect(m.width / m.height).to.be.closeTo(0.8, 0.01);
  pm.expect(m.variants.thumb.url).to.include('sig=');
  pm.collectionVariables.set('mediaId', m.id);
  pm.collectionVariables.set('thumbUrl', m.variants.thumb.url);
});
"""),
  req("Upload something that is not an image", "POST", "/media", token="anaToken",
      form=[{"key": "file", "type": "file", "src": "fixtures/not-an-image.txt"}], tests=status(415)),
  req("Ana reads her photo's metadata", "GET", "/media/{{mediaId}}", token="anaToken",
      tests=status(200) + "\npm.test('the same photo', () => pm.expect(pm.response.json().id).to.eql(pm.collectionVariables.get('mediaId')));"),
  req("Bob cannot read ana's media metadata", "GET", "/media/{{mediaId}}", token="bobToken", tests=status(404)),
  req("The signed thumbnail needs no token", "GET", "", raw_url="{{thumbUrl}}",
      tests=status(200) + "\npm.test('is a JPEG', () => pm.expect(pm.response.headers.get('Content-Type')).to.include('image/jpeg'));"),
  req("Ana makes it her avatar", "PATCH", "/users/me", token="anaToken", body={"avatarMediaId": "{{mediaId}}"},
      tests=status(200) + "\npm.test('shows a signed avatar', () => pm.expect(pm.response.json().avatarUrl).to.include('sig='));"),
  req("Ana uploads another photo", "POST", "/media", token="anaToken",
      form=[{"key": "file", "type": "file", "src": "fixtures/photo.jpg"}],
      tests=status(201) + "\npm.collectionVariables.set('spareMediaId', pm.response.json().id);"),
  req("Ana deletes it", "DELETE", "/media/{{spareMediaId}}", token="anaToken", tests=status(204)),
  req("It is gone", "GET", "/media/{{spareMediaId}}", token="anaToken", tests=status(404)),
]

def follow_state(state):
    return status(200) + "\npm.test('%s', () => pm.expect(pm.response.json().state).to.eql('%s'));" % (state, state)

graph = [
  req("Ana asks to follow bob (private)", "POST", "/users/{{bobUsername}}/follow", token="anaToken", tests=follow_state("REQUESTED")),
  req("Bob's follow requests", "GET", "/users/me/follow-requests", token="bobToken",
      tests=status(200) + "\npm.test('ana asked', () => pm.expect(pm.response.json().items.map(u => u.username)).to.include(pm.collectionVariables.get('anaUsername')));"),
  req("Bob approves ana", "POST", "/users/me/follow-requests/{{anaUsername}}/approve", token="bobToken", tests=status(204)),
  req("Ana now follows bob", "GET", "/users/{{bobUsername}}", token="anaToken",
      tests=status(200) + """
pm.test('following, and counted', () => {
  const p = pm.response.json();
  pm.expect(p.viewer.following).to.eql(true);
  pm.expect(p.counts.followers).to.eql(1);
});
"""),
  req("Bob follows ana (public)", "POST", "/users/{{anaUsername}}/follow", token="bobToken", tests=follow_state("FOLLOWING")),
  req("Following again changes nothing", "POST", "/users/{{anaUsername}}/follow", token="bobToken", tests=follow_state("FOLLOWING")),
  req("Ana's followers", "GET", "/users/{{anaUsername}}/followers?limit=10", token="bobToken",
      tests=status(200) + """
pm.test('a page with bob on it', () => {
  const page = pm.response.json();
  pm.expect(page.items.map(u => u.username)).to.include(pm.collectionVariables.get('bobUsername'));
  pm.expect(page).to.have.property('nextCursor');
});
"""),
  req("A page too large", "GET", "/users/{{anaUsername}}/followers?limit=51", token="bobToken",
      tests=status(400) + "\npm.test('names the limit', () => pm.expect(pm.response.json().errors[0].field).to.eql('limit'));"),
  req("Bob's following", "GET", "/users/{{bobUsername}}/following", token="anaToken",
      tests=status(200) + "\npm.test('bob follows ana', () => pm.expect(pm.response.json().items.map(u => u.username)).to.include(pm.collectionVariables.get('anaUsername')));"),
  req("Search people", "GET", "/users/search?q={{anaUsername}}", token="bobToken",
      tests=status(200) + "\npm.test('finds ana', () => pm.expect(pm.response.json().items.map(u => u.username)).to.include(pm.collectionVariables.get('anaUsername')));"),
  req("Search without a query", "GET", "/users/search", token="bobToken", tests=status(400)),
  req("Suggestions", "GET", "/users/suggestions?limit=5", token="anaToken",
      tests=status(200) + "\npm.test('a list', () => pm.expect(pm.response.json().items).to.be.an('array'));"),
  req("Ana mutes bob", "POST", "/users/{{bobUsername}}/mute", token="anaToken", tests=status(204)),
  req("Ana sees the mute", "GET", "/users/{{bobUsername}}", token="anaToken",
      tests=status(200) + "\npm.test('muting', () => pm.expect(pm.response.json().viewer.muting).to.eql(true));"),
  req("Ana unmutes bob", "DELETE", "/users/{{bobUsername}}/mute", token="anaToken", tests=status(204)),
  req("Bob removes ana as a follower", "DELETE", "/users/me/followers/{{anaUsername}}", token="bobToken", tests=status(204)),
  req("Ana asks again", "POST", "/users/{{bobUsername}}/follow", token="anaToken", tests=follow_state("REQUESTED")),
  req("Bob declines", "POST", "/users/me/follow-requests/{{anaUsername}}/decline", token="bobToken", tests=status(204)),
  req("Ana asks once more", "POST", "/users/{{bobUsername}}/follow", token="anaToken", tests=follow_state("REQUESTED")),
  req("Ana cancels her request", "DELETE", "/users/{{bobUsername}}/follow", token="anaToken", tests=status(204)),
  req("Ana blocks bob", "POST", "/users/{{bobUsername}}/block", token="anaToken", tests=status(204)),
  req("Ana's blocked accounts", "GET", "/users/me/blocked", token="anaToken",
      tests=status(200) + "\npm.test('bob is blocked', () => pm.expect(pm.response.json().items.map(u => u.username)).to.include(pm.collectionVariables.get('bobUsername')));"),
  req("Bob cannot see ana", "GET", "/users/{{anaUsername}}", token="bobToken", tests=status(404, "answers 404, as if she did not exist")),
  req("The block removed bob's follow", "GET", "/users/{{anaUsername}}/followers", token="anaToken",
      tests=status(200) + "\npm.test('no bob', () => pm.expect(pm.response.json().items.map(u => u.username)).to.not.include(pm.collectionVariables.get('bobUsername')));"),
  req("Ana unblocks bob", "DELETE", "/users/{{bobUsername}}/block", token="anaToken", tests=status(204)),
]

def ok_json(code, check):
    return status(code) + "\n" + check

def wait_for(why, collect, what, check, then=""):
    return """
// %s: ask again until it arrived
const tries = (pm.collectionVariables.get('tries') || 0) + 1;
%s
if (!(%s) && tries < 60) {
  pm.collectionVariables.set('tries', tries);
  setTimeout(() => {}, 250);
  postman.setNextRequest(pm.info.requestName);
} else {
  pm.collectionVariables.set('tries', 0);
  pm.test('answers 200', () => pm.response.to.have.status(200));
  pm.test('%s', () => pm.expect(%s).to.eql(true));%s
}
""" % (why, collect, check, what, check, then)

def wait_feed(what, check):
    return wait_for("timelines are written from PostCreated moments after the post",
                    "const ids = pm.response.code === 200 ? pm.response.json().items.map(p => p.id) : [];", what, check,
                    "\n  pm.test('hydrated, not degraded', () => pm.expect(pm.response.json().degraded).to.eql(false));")

def wait_notifications(what, check):
    return wait_for("notifications are made from events moments after the like or comment",
                    "const types = pm.response.code === 200 ? pm.response.json().items.map(n => n.type) : [];", what, check)

posts = [
  req("Ana uploads a photo for a post", "POST", "/media", token="anaToken",
      form=[{"key": "file", "type": "file", "src": "fixtures/photo.jpg"}],
      tests=status(201) + "\npm.collectionVariables.set('postPhoto1', pm.response.json().id);"),
  req("Ana uploads a second photo", "POST", "/media", token="anaToken",
      form=[{"key": "file", "type": "file", "src": "fixtures/photo.jpg"}],
      tests=status(201) + "\npm.collectionVariables.set('postPhoto2', pm.response.json().id);"),
  req("Ana publishes a carousel", "POST", "/posts", token="anaToken",
      body={"caption": "Golden hour #mosaic{{run}} with @{{bobUsername}}", "mediaIds": ["{{postPhoto1}}", "{{postPhoto2}}"],
            "altTexts": {"{{postPhoto1}}": "The river at dusk"}, "location": {"name": "Miradouro {{run}}", "lat": 38.7166, "lng": -9.1318}},
      tests=status(201) + """
pm.test('a carousel with its tags, mention and place', () => {
  const p = pm.response.json();
  pm.expect(p.media.map(m => m.id)).to.eql([pm.collectionVariables.get('postPhoto1'), pm.collectionVariables.get('postPhoto2')]);
  pm.expect(p.hashtags).to.eql(['mosaic' + pm.collectionVariables.get('run')]);
  pm.expect(p.mentions.map(m => m.username)).to.eql([pm.collectionVariables.get('bobUsername')]);
  pm.expect(p.media[0].variants.thumb.url).to.include('sig=');
  pm.collectionVariables.set('postId', p.id);
  pm.collectionVariables.set('placeId', p.location.id);
});
"""),
  req("Ana's home feed shows her post", "GET", "/feed", token="anaToken",
      tests=wait_feed("the post is first", "ids[0] === pm.collectionVariables.get('postId')")),
  req("Bob, not following ana, finds her post on explore", "GET", "/explore?limit=50", token="bobToken",
      tests=wait_feed("the post is there", "ids.includes(pm.collectionVariables.get('postId'))")),
  req("Ana's own post is not on her explore", "GET", "/explore?limit=50", token="anaToken",
      tests=ok_json(200, "pm.test('not hers', () => pm.expect(pm.response.json().items.map(p => p.id)).to.not.include(pm.collectionVariables.get('postId')));")),
  req("An explore cursor the API never gave", "GET", "/explore?cursor=abc", token="bobToken", tests=status(400)),
  req("Trending hashtags", "GET", "/explore/hashtags?limit=10", token="bobToken",
      tests=ok_json(200, """pm.test('tags with their recent posts and score, most unusual first', () => {
  const tags = pm.response.json();
  pm.expect(tags).to.be.an('array');
  tags.forEach(t => { pm.expect(t.tag).to.be.a('string'); pm.expect(t.recentPosts).to.be.at.least(1); pm.expect(t.score).to.be.a('number'); });
  for (let i = 1; i < tags.length; i++) pm.expect(tags[i - 1].score).to.be.at.least(tags[i].score);
});""")),
  req("Bob follows ana again", "POST", "/users/{{anaUsername}}/follow", token="bobToken", tests=follow_state("FOLLOWING")),
  req("Bob's feed brings her post in", "GET", "/feed?limit=10", token="bobToken",
      tests=wait_feed("the post is there", "ids.includes(pm.collectionVariables.get('postId'))")),
  req("A feed cursor the API never gave", "GET", "/feed?cursor=abc", token="bobToken", tests=status(400)),
  req("A post of eleven photos", "POST", "/posts", token="anaToken",
      body={"mediaIds": ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"]}, tests=status(400)),
  req("The same photos cannot go into another post", "POST", "/posts", token="anaToken",
      body={"mediaIds": ["{{postPhoto1}}"]}, tests=status(409)),
  req("Bob reads the post", "GET", "/posts/{{postId}}", token="bobToken",
      tests=ok_json(200, "pm.test('not liked yet', () => pm.expect(pm.response.json().viewer.liked).to.eql(false));")),
  req("Bob likes it", "POST", "/posts/{{postId}}/like", token="bobToken",
      tests=ok_json(200, "pm.test('one like', () => pm.expect(pm.response.json()).to.eql({liked: true, likeCount: 1}));")),
  req("Liking again changes nothing", "POST", "/posts/{{postId}}/like", token="bobToken",
      tests=ok_json(200, "pm.test('still one', () => pm.expect(pm.response.json().likeCount).to.eql(1));")),
  req("Who liked it", "GET", "/posts/{{postId}}/likes", token="anaToken",
      tests=ok_json(200, "pm.test('bob', () => pm.expect(pm.response.json().items.map(u => u.username)).to.include(pm.collectionVariables.get('bobUsername')));")),
  req("Bob comments", "POST", "/posts/{{postId}}/comments", token="bobToken", body={"text": "Where is this, @{{anaUsername}}?"},
      tests=status(201) + "\npm.collectionVariables.set('commentId', pm.response.json().id);"),
  req("Ana replies", "POST", "/posts/{{postId}}/comments", token="anaToken", body={"text": "Lisbon!", "replyToCommentId": "{{commentId}}"},
      tests=status(201) + "\npm.collectionVariables.set('replyId', pm.response.json().id);"),
  req("The comments, with reply counts", "GET", "/posts/{{postId}}/comments", token="anaToken",
      tests=ok_json(200, "pm.test('one thread of one reply', () => pm.expect(pm.response.json().items[0].replyCount).to.eql(1));")),
  req("The replies", "GET", "/comments/{{commentId}}/replies", token="bobToken",
      tests=ok_json(200, "pm.test('ana\\'s reply', () => pm.expect(pm.response.json().items[0].id).to.eql(pm.collectionVariables.get('replyId')));")),
  req("Bob likes the reply", "POST", "/comments/{{replyId}}/like", token="bobToken",
      tests=ok_json(200, "pm.test('one like', () => pm.expect(pm.response.json().likeCount).to.eql(1));")),
  req("Bob takes that like back", "DELETE", "/comments/{{replyId}}/like", token="bobToken",
      tests=ok_json(200, "pm.test('none', () => pm.expect(pm.response.json().likeCount).to.eql(0));")),
  req("Bob edits his comment", "PATCH", "/comments/{{commentId}}", token="bobToken", body={"text": "Where is this?"},
      tests=ok_json(200, "pm.test('edited', () => pm.expect(pm.response.json().editedAt).to.be.a('string'));")),
  req("Ana cannot edit bob's comment", "PATCH", "/comments/{{commentId}}", token="anaToken", body={"text": "Hm"}, tests=status(403)),
  req("Bob saves the post", "POST", "/posts/{{postId}}/save", token="bobToken",
      tests=ok_json(200, "pm.test('saved', () => pm.expect(pm.response.json().saved).to.eql(true));")),
  req("Bob's saved posts", "GET", "/users/me/saved", token="bobToken",
      tests=ok_json(200, "pm.test('the post', () => pm.expect(pm.response.json().items.map(p => p.id)).to.include(pm.collectionVariables.get('postId')));")),
  req("Bob makes a collection", "POST", "/collections", token="bobToken", body={"name": "Lisbon {{run}}"},
      tests=status(201) + "\npm.collectionVariables.set('collectionId', pm.response.json().id);"),
  req("A second collection of the same name", "POST", "/collections", token="bobToken", body={"name": "lisbon {{run}}"}, tests=status(409)),
  req("Bob adds the post to it", "POST", "/collections/{{collectionId}}/posts/{{postId}}", token="bobToken",
      tests=ok_json(200, "pm.test('one post, with a cover', () => { const c = pm.response.json(); pm.expect(c.postCount).to.eql(1); pm.expect(c.cover).to.include('sig='); });")),
  req("Bob's collections", "GET", "/collections", token="bobToken",
      tests=ok_json(200, "pm.test('his collection', () => pm.expect(pm.response.json().items.map(c => c.id)).to.include(pm.collectionVariables.get('collectionId')));")),
  req("The collection's posts", "GET", "/collections/{{collectionId}}", token="bobToken",
      tests=ok_json(200, "pm.test('the post', () => pm.expect(pm.response.json().items[0].id).to.eql(pm.collectionVariables.get('postId')));")),
  req("Ana cannot see bob's collection", "GET", "/collections/{{collectionId}}", token="anaToken", tests=status(404, "answers 404, as if it did not exist")),
  req("Bob renames it", "PATCH", "/collections/{{collectionId}}", token="bobToken", body={"name": "Portugal {{run}}"},
      tests=ok_json(200, "pm.test('renamed', () => pm.expect(pm.response.json().name).to.eql('Portugal ' + pm.collectionVariables.get('run')));")),
  req("The hashtag", "GET", "/hashtags/mosaic{{run}}", token="bobToken",
      tests=ok_json(200, "pm.test('one post', () => pm.expect(pm.response.json().postCount).to.eql(1));")),
  req("The hashtag's posts", "GET", "/hashtags/mosaic{{run}}/posts", token="bobToken",
      tests=ok_json(200, "pm.test('the post', () => pm.expect(pm.response.json().items[0].id).to.eql(pm.collectionVariables.get('postId')));")),
  req("Search hashtags", "GET", "/hashtags/search?q=%23mosaic{{run}}", token="bobToken",
      tests=ok_json(200, "pm.test('finds it', () => pm.expect(pm.response.json().items.map(t => t.tag)).to.include('mosaic' + pm.collectionVariables.get('run')));")),
  req("The place", "GET", "/places/{{placeId}}", token="bobToken",
      tests=ok_json(200, "pm.test('one post there', () => pm.expect(pm.response.json().postCount).to.eql(1));")),
  req("The place's posts", "GET", "/places/{{placeId}}/posts", token="bobToken",
      tests=ok_json(200, "pm.test('the post', () => pm.expect(pm.response.json().items[0].id).to.eql(pm.collectionVariables.get('postId')));")),
  req("Search places near you", "GET", "/places/search?q=miradouro%20{{run}}&lat=38.72&lng=-9.13", token="bobToken",
      tests=ok_json(200, "pm.test('nearest first, with its distance', () => { const p = pm.response.json().items[0]; pm.expect(p.id).to.eql(pm.collectionVariables.get('placeId')); pm.expect(p.distanceMeters).to.be.below(2000); });")),
  req("Ana's profile grid", "GET", "/users/{{anaUsername}}/posts", token="bobToken",
      tests=ok_json(200, "pm.test('the post', () => pm.expect(pm.response.json().items.map(p => p.id)).to.include(pm.collectionVariables.get('postId')));")),
  req("Ana edits her caption and turns comments off", "PATCH", "/posts/{{postId}}", token="anaToken",
      body={"caption": "Golden hour, edited #mosaic{{run}}", "commentsDisabled": True},
      tests=ok_json(200, "pm.test('edited', () => { const p = pm.response.json(); pm.expect(p.editedAt).to.be.a('string'); pm.expect(p.commentsDisabled).to.eql(true); });")),
  req("Bob cannot edit ana's post", "PATCH", "/posts/{{postId}}", token="bobToken", body={"caption": "Mine"}, tests=status(403)),
  req("Comments are off", "POST", "/posts/{{postId}}/comments", token="bobToken", body={"text": "One more"}, tests=status(403)),
  req("Bob deletes his comment", "DELETE", "/comments/{{commentId}}", token="bobToken", tests=status(204)),
  req("Bob takes the post out of the collection", "DELETE", "/collections/{{collectionId}}/posts/{{postId}}", token="bobToken",
      tests=ok_json(200, "pm.test('empty', () => pm.expect(pm.response.json().postCount).to.eql(0));")),
  req("Bob deletes the collection", "DELETE", "/collections/{{collectionId}}", token="bobToken", tests=status(204)),
  req("Bob unsaves the post", "DELETE", "/posts/{{postId}}/save", token="bobToken",
      tests=ok_json(200, "pm.test('not saved', () => pm.expect(pm.response.json().saved).to.eql(false));")),
  req("Bob unlikes it", "DELETE", "/posts/{{postId}}/like", token="bobToken",
      tests=ok_json(200, "pm.test('no likes', () => pm.expect(pm.response.json()).to.eql({liked: false, likeCount: 0}));")),
  req("Bob cannot delete ana's post", "DELETE", "/posts/{{postId}}", token="bobToken", tests=status(403)),
  req("Ana deletes her post", "DELETE", "/posts/{{postId}}", token="anaToken", tests=status(204)),
  req("The post is gone", "GET", "/posts/{{postId}}", token="bobToken", tests=status(404)),
  req("And gone from bob's feed", "GET", "/feed", token="bobToken",
      tests=wait_feed("the post is not there", "!ids.includes(pm.collectionVariables.get('postId'))")),
]

notifications = [
  req("Ana's notifications: bob's follow, like and comment", "GET", "/notifications", token="anaToken",
      tests=wait_notifications("a follow, a like and a comment", "['FOLLOW', 'LIKE', 'COMMENT'].every(t => types.includes(t))") + """
if (pm.response.code === 200) pm.test('drawn without more calls: actors, the post thumbnail, the comment', () => {
  const items = pm.response.json().items;
  const like = items.find(n => n.type === 'LIKE');
  pm.expect(like.actors[0].username).to.eql(pm.collectionVariables.get('bobUsername'));
  pm.expect(like.post.thumbUrl).to.include('sig=');
  pm.expect(items.find(n => n.type === 'COMMENT').comment.text).to.be.a('string');
});"""),
  req("Ana's unread count", "GET", "/notifications/unread-count", token="anaToken",
      tests=ok_json(200, "pm.test('at least three', () => pm.expect(pm.response.json().count).to.be.at.least(3));")),
  req("Ana marks them all read", "POST", "/notifications/read", token="anaToken", tests=status(204)),
  req("None unread", "GET", "/notifications/unread-count", token="anaToken",
      tests=ok_json(200, "pm.test('none', () => pm.expect(pm.response.json().count).to.eql(0));")),
  req("Bob's notifications: the mention in the caption and ana's reply", "GET", "/notifications", token="bobToken",
      tests=wait_notifications("a mention and a reply", "['MENTION', 'COMMENT_REPLY'].every(t => types.includes(t))") +
      "\nif (pm.response.code === 200) pm.collectionVariables.set('notificationId', pm.response.json().items[0].id);"),
  req("Bob marks one read", "POST", "/notifications/read", token="bobToken", body={"ids": ["{{notificationId}}"]}, tests=status(204)),
  req("Ids that are not ids", "POST", "/notifications/read", token="bobToken", body={"ids": ["abc"]}, tests=status(400)),
  req("Ana's preferences", "GET", "/notifications/preferences", token="anaToken",
      tests=ok_json(200, "pm.test('every type on', () => pm.expect(Object.values(pm.response.json()).every(v => v === true)).to.eql(true));")),
  req("Ana turns like notifications off", "PUT", "/notifications/preferences", token="anaToken", body={"like": False},
      tests=ok_json(200, "pm.test('likes off, comments on', () => { const p = pm.response.json(); pm.expect(p.like).to.eql(false); pm.expect(p.comment).to.eql(true); });")),
  req("A type that does not exist", "PUT", "/notifications/preferences", token="anaToken", body={"likes": False}, tests=status(400)),
  req("Ana turns them on again", "PUT", "/notifications/preferences", token="anaToken", body={"like": True},
      tests=ok_json(200, "pm.test('likes on', () => pm.expect(pm.response.json().like).to.eql(true));")),
  # the stream itself stays open, which newman cannot read; the system tests read it
  req("The live stream refuses a Last-Event-ID it never sent", "GET", "/notifications/stream", token="anaToken", tests=status(400),
      headers=[{"key": "Last-Event-ID", "value": "yesterday"}, {"key": "Accept", "value": "text/event-stream"}]),
]

# the live frames (/ws/chat) need a WebSocket client, which newman is not; the system tests read them
messages = [
  req("Ana starts a conversation with bob", "POST", "/conversations", token="anaToken", body={"usernames": ["{{bobUsername}}"]},
      tests=status(201) + """
pm.test('a DIRECT conversation of the two', () => {
  const c = pm.response.json();
  pm.expect(c.type).to.eql('DIRECT');
  pm.expect(c.participants.map(p => p.username)).to.have.members([pm.collectionVariables.get('anaUsername'), pm.collectionVariables.get('bobUsername')]);
  pm.collectionVariables.set('conversationId', c.id);
});
"""),
  req("Starting it again finds the same one", "POST", "/conversations", token="bobToken", body={"usernames": ["{{anaUsername}}"]},
      tests=ok_json(200, "pm.test('the same', () => pm.expect(pm.response.json().id).to.eql(pm.collectionVariables.get('conversationId')));")),
  req("Ana sends a message", "POST", "/conversations/{{conversationId}}/messages", token="anaToken",
      body={"text": "Loved your comment 💬", "clientMessageId": "{{run}}-1"},
      tests=status(201) + "\npm.collectionVariables.set('messageId', pm.response.json().id);"),
  req("A retried send creates nothing new", "POST", "/conversations/{{conversationId}}/messages", token="anaToken",
      body={"text": "Loved your comment 💬", "clientMessageId": "{{run}}-1"},
      tests=ok_json(200, "pm.test('the same message', () => pm.expect(pm.response.json().id).to.eql(pm.collectionVariables.get('messageId')));")),
  req("Ana shares her post", "POST", "/conversations/{{conversationId}}/messages", token="anaToken",
      body={"postId": "{{postId}}", "clientMessageId": "{{run}}-2"},
      tests=status(201) + """
pm.test('the post, as bob may see it', () => {
  const m = pm.response.json();
  pm.expect(m.type).to.eql('POST_SHARE');
  pm.expect(m.post.id).to.eql(pm.collectionVariables.get('postId'));
  pm.collectionVariables.set('shareId', m.id);
});
"""),
  req("A message of two kinds at once", "POST", "/conversations/{{conversationId}}/messages", token="anaToken",
      body={"text": "hi", "postId": "{{postId}}", "clientMessageId": "{{run}}-3"}, tests=status(400)),
  req("Bob has two unread", "GET", "/conversations/{{conversationId}}", token="bobToken",
      tests=ok_json(200, "pm.test('two unread, the share last', () => { const c = pm.response.json(); pm.expect(c.unreadCount).to.eql(2); pm.expect(c.lastMessage.type).to.eql('POST_SHARE'); });")),
  req("Bob reads them", "POST", "/conversations/{{conversationId}}/read", token="bobToken", body={"upToMessageId": "{{shareId}}"}, tests=status(204)),
  req("Bob reacts to the first", "PUT", "/conversations/{{conversationId}}/messages/{{messageId}}/reaction", token="bobToken",
      body={"emoji": "❤️"}, tests=status(204)),
  req("A reaction is one emoji", "PUT", "/conversations/{{conversationId}}/messages/{{messageId}}/reaction", token="bobToken",
      body={"emoji": "love"}, tests=status(400)),
  req("Bob reads the conversation", "GET", "/conversations/{{conversationId}}/messages", token="bobToken",
      tests=ok_json(200, """pm.test('newest first, with his reaction', () => {
  const items = pm.response.json().items;
  pm.expect(items.map(m => m.type)).to.eql(['POST_SHARE', 'TEXT']);
  pm.expect(items[1].reactions.map(r => r.emoji)).to.eql(['❤️']);
});""")),
  req("Nothing unread for bob now", "GET", "/conversations/{{conversationId}}", token="bobToken",
      tests=ok_json(200, "pm.test('read', () => pm.expect(pm.response.json().unreadCount).to.eql(0));")),
  req("Bob cannot unsend ana's message", "DELETE", "/conversations/{{conversationId}}/messages/{{messageId}}", token="bobToken", tests=status(403)),
  req("Ana unsends it", "DELETE", "/conversations/{{conversationId}}/messages/{{messageId}}", token="anaToken", tests=status(204)),
  req("A conversation that is not theirs", "GET", "/conversations/1/messages", token="bobToken", tests=status(404)),
  req("Bob deletes the conversation for himself", "DELETE", "/conversations/{{conversationId}}", token="bobToken", tests=status(204)),
  req("It is gone from his lists", "GET", "/conversations/requests", token="bobToken",
      tests=ok_json(200, "pm.test('not there', () => pm.expect(pm.response.json().items.map(c => c.id)).to.not.include(pm.collectionVariables.get('conversationId')));")),
]

SAVES = next(i for i, r in enumerate(posts) if r['name'] == 'Bob saves the post')

closing = [
  req("Bob changes his password", "POST", "/auth/password/change", token="bobToken", body={"currentPassword": "{{bobPassword}}", "newPassword": "{{bobPassword}}-new"}, tests=status(204)),
  req("Bob signs in with the new one", "POST", "/auth/token", body={"login": "{{bobUsername}}", "password": "{{bobPassword}}-new"},
      tests=status(200) + "\npm.collectionVariables.set('bobToken', pm.response.json().accessToken);"),
  req("Ana signs out", "POST", "/auth/logout", token="anaToken", body={"refreshToken": "{{anaRefresh}}"}, tests=status(204)),
  req("Her refresh token no longer works", "POST", "/auth/token/refresh", body={"refreshToken": "{{anaRefresh}}"}, tests=status(401)),
  req("Deleting an account needs the password", "DELETE", "/auth/account", token="bobToken", body={"password": "wrong-password"}, tests=status(403)),
  req("Bob deletes his account", "DELETE", "/auth/account", token="bobToken", body={"password": "{{bobPassword}}-new"}, tests=status(202)),
  req("Ana deletes her account", "DELETE", "/auth/account", token="anaToken", body={"password": "{{anaPassword}}"}, tests=status(202)),
]

collection = {
  "info": {
    "name": "Mosaic API",
    "description": "Every public endpoint of Mosaic that exists today, through the gateway, as one journey: two people sign up, edit profiles, upload photos, follow, request, approve, mute, block, post a carousel, read their home feeds, like, comment, reply, save into a collection, message each other, find hashtags and places, edit and delete the post, sign out and delete their accounts. Each request's tests check the answer and pass ids and tokens on. Run: npx newman run docs/postman/mosaic.postman_collection.json -e docs/postman/local.postman_environment.json --working-dir docs/postman",
    "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
  },
  "event": [{"listen": "test", "script": {"type": "text/javascript", "exec": js("""
// every failure Mosaic answers is problem+json (RFC 9457)
if (pm.response.code >= 400) {
  pm.test('the error is problem+json', () => {
    pm.expect(pm.response.headers.get('Content-Type')).to.include('application/problem+json');
    const p = pm.response.json();
    pm.expect(p.status).to.eql(pm.response.code);
    pm.expect(p.title).to.be.a('string');
  });
}
""")}}],
  "item": [
    {"name": "Accounts", "item": accounts},
    {"name": "Profiles", "item": profiles},
    {"name": "Media", "item": media},
    {"name": "Social graph", "item": graph},
    {"name": "Posts and engagement", "item": posts[:SAVES]},
    {"name": "Notifications", "item": notifications},
    {"name": "Direct messages", "item": messages},
    {"name": "Saves, collections, hashtags, places; edits and deletion", "item": posts[SAVES:]},
    {"name": "Passwords, sign-out and account deletion", "item": closing},
  ],
  "variable": [{"key": k, "value": ""} for k in ["run", "anaUsername", "anaEmail", "anaPassword", "anaId", "anaToken", "anaRefresh", "bobUsername", "bobEmail", "bobPassword", "bobId", "bobToken", "bobRefresh", "mediaId", "thumbUrl", "spareMediaId", "postPhoto1", "postPhoto2", "postId", "placeId", "commentId", "replyId", "collectionId", "notificationId", "conversationId", "messageId", "shareId"]] + [{"key": "tries", "value": 0}],
}
import os
os.chdir(os.path.dirname(os.path.abspath(__file__)))
json.dump(collection, open("mosaic.postman_collection.json", "w"), indent=2, ensure_ascii=False)
env = {"name": "Mosaic local (./mosaic up)", "values": [{"key": "baseUrl", "value": "http://127.0.0.1:8080", "enabled": True}]}
json.dump(env, open("local.postman_environment.json", "w"), indent=2)
print(sum(len(f["item"]) for f in collection["item"]), "requests")
