package com.example.gadget;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A class foreign to the application (outside every allowed package), as a peer on the Hazelcast port could send
 * it: it counts each time Java deserialization instantiates it, and as a task it would run on the receiver.
 */
public final class Gadget implements Serializable, Callable<String> {

    private static final long serialVersionUID = 1L;

    /** How many instances Java deserialization has made in this JVM. */
    public static final AtomicInteger DESERIALIZED = new AtomicInteger();

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        DESERIALIZED.incrementAndGet();
    }

    @Override
    public String call() {
        return "ran";
    }
}
