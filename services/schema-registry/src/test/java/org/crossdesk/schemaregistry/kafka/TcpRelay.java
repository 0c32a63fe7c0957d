package org.crossdesk.schemaregistry.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Forwards every connection on a local port to {@code host:port}: a broker that appears late. */
final class TcpRelay implements AutoCloseable {

    private final ServerSocket server;

    TcpRelay(int port, String target) throws IOException {
        String host = target.substring(0, target.lastIndexOf(':'));
        int targetPort = Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
        server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(
                () -> {
                    while (!server.isClosed()) {
                        try {
                            Socket client = server.accept();
                            Socket upstream = new Socket(host, targetPort);
                            pipe(client, upstream);
                            pipe(upstream, client);
                        } catch (IOException e) {
                            return;
                        }
                    }
                },
                "tcp-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static void pipe(Socket from, Socket to) {
        Thread thread = new Thread(
                () -> {
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        in.transferTo(out);
                    } catch (IOException e) {
                        // One side closed: the connection is over.
                    }
                },
                "tcp-relay-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
