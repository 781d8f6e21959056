package org.sourcewire.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An upload above the servlet's own limit never reaches a controller; send the person back to the page they came
 * from with a clear message instead of an error page.
 */
@ControllerAdvice
class UploadLimitAdvice {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request, RedirectAttributes redirect) {
        long max = ex.getMaxUploadSize();
        redirect.addFlashAttribute("error", "That file is too large" + (max > 0
                ? " (the limit is " + DataSize.ofBytes(max).toMegabytes() + " MB)" : "") + ". Choose a smaller one.");
        return "redirect:" + backTo(request);
    }

    /** The path of the page the form was on, if it is this site's; otherwise the dashboard. */
    private static String backTo(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String path = uri.substring(request.getContextPath().length());
        int last = path.lastIndexOf('/');
        return last > 0 ? path.substring(0, last) : "/dashboard";
    }
}
