package app.mosaic.platform.web;

import java.io.IOException;
import java.io.PrintWriter;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * What Tomcat answers itself, before a request reaches Spring (a malformed request line or URI, an encoded
 * slash or NUL, a URI or headers too large): problem+json like every other error, instead of Tomcat's HTML page
 * or an empty body. Never a stack trace, never the server's name.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		HttpStatus known = HttpStatus.resolve(status);
		String title = known == null ? "Error" : known.getReasonPhrase();
		String detail = switch (status) {
			case 400 -> "The request is not valid HTTP, or its address cannot be read.";
			case 414 -> "The address is too long.";
			case 431 -> "The request headers are too large.";
			case 413 -> "The request is too large.";
			default -> status >= 500 ? "Something went wrong on our side." : title + ".";
		};
		ProblemDetail problem = Problems.of(known == null ? HttpStatus.valueOf(status >= 500 ? 500 : 400) : known, title, detail);
		problem.setStatus(status);
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			PrintWriter writer = response.getReporter();
			if (writer != null) {
				writer.write(Problems.json(problem));
			}
		}
		catch (IOException | IllegalStateException e) {
			// the connection is gone, or the response is already committed: nothing left to tell
		}
	}
}
