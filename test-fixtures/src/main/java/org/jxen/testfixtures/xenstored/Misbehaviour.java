package org.jxen.testfixtures.xenstored;

/**
 * A way for {@link FakeXenstored} to break the protocol or fail, set with
 * {@link FakeXenstored#misbehave}. Unless said otherwise it applies to every request from then on,
 * on every connection, until {@link FakeXenstored#behave()}; the request is still carried out
 * unless said otherwise, so only the reply is wrong.
 */
public sealed interface Misbehaviour {

    /** Sends the reply's header and half its payload, then closes the connection. */
    record DropMidReply() implements Misbehaviour {
    }

    /** Reads requests but never answers them (nor carries them out). */
    record Stall() implements Misbehaviour {
    }

    /** Sends a reply header announcing a payload over 4096 bytes, and that many bytes. */
    record OversizedLength() implements Misbehaviour {
    }

    /** Sends half a reply header, then closes the connection. */
    record TruncatedHeader() implements Misbehaviour {
    }

    /** Answers with a req_id the client never used. */
    record WrongRequestId() implements Misbehaviour {
    }

    /**
     * Answers with another message type.
     *
     * @param type the type to put in the reply header (a valid but wrong one, or an unknown one)
     */
    record WrongReplyType(int type) implements Misbehaviour {
    }

    /** Answers with 64 bytes of (seeded, repeatable) noise instead of a reply. */
    record Garbage() implements Misbehaviour {
    }

    /** Answers with the reply's payload minus its final NUL (so a NUL-terminated reply is not). */
    record UnterminatedPayload() implements Misbehaviour {
    }

    /**
     * Answers XS_ERROR with this name without carrying the request out.
     *
     * @param name any text, a real error name or not
     */
    record ErrorReply(String name) implements Misbehaviour {
    }

    /**
     * Answers EAGAIN to the next {@code times} transaction commits (aborting them), then commits
     * normally; other requests are unaffected.
     *
     * @param times how many commits conflict
     */
    record ConflictOnCommit(int times) implements Misbehaviour {
    }
}
