package dev.streamlake.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What k8s/Dockerfile builds for given build arguments: its base image, its arguments and the files
 * it copies, with the arguments substituted (a build argument, else the ARG's default).
 */
final class JobImage {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final String baseImage;
    private final Map<String, String> declaredArguments;
    private final List<Copy> copies;

    private JobImage(String baseImage, Map<String, String> declaredArguments, List<Copy> copies) {
        this.baseImage = baseImage;
        this.declaredArguments = declaredArguments;
        this.copies = copies;
    }

    /** One COPY instruction: sources relative to the build context, and the destination. */
    static final class Copy {
        final List<String> sources;
        final String destination;

        Copy(List<String> sources, String destination) {
            this.sources = sources;
            this.destination = destination;
        }
    }

    static JobImage read(Path dockerfile, Map<String, String> buildArguments) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dockerfile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> declared = new LinkedHashMap<>();
        Map<String, String> arguments = new HashMap<>();
        String from = null;
        List<Copy> copies = new ArrayList<>();
        for (String line : lines) {
            String[] words = line.trim().split("\\s+");
            String instruction = words[0].toUpperCase();
            if (instruction.equals("FROM")) {
                from = words[1];
            } else if (instruction.equals("ARG")) {
                String[] argument = words[1].split("=", 2);
                declared.put(argument[0], argument.length == 2 ? argument[1] : null);
                String value = buildArguments.getOrDefault(argument[0], argument.length == 2 ? argument[1] : null);
                if (value != null) {
                    arguments.put(argument[0], value);
                }
            } else if (instruction.equals("COPY")) {
                List<String> operands = new ArrayList<>();
                Arrays.stream(words).skip(1).filter(w -> !w.startsWith("--")).forEach(w -> operands.add(substitute(w, arguments)));
                copies.add(new Copy(operands.subList(0, operands.size() - 1), operands.get(operands.size() - 1)));
            }
        }
        return new JobImage(from, declared, copies);
    }

    String baseImage() {
        return baseImage;
    }

    /** The ARGs the Dockerfile declares, each with its default (null for none). */
    Map<String, String> declaredArguments() {
        return declaredArguments;
    }

    List<Copy> copies() {
        return copies;
    }

    private static String substitute(String word, Map<String, String> arguments) {
        Matcher matcher = VARIABLE.matcher(word);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = arguments.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException(
                        "The Dockerfile uses ${" + matcher.group(1) + "}, which is neither a build argument nor an ARG default");
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(result).toString();
    }
}
