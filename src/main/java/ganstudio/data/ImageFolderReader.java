package ganstudio.data;

import ganstudio.config.UserError;
import ganstudio.media.ImageFiles;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Loads a folder of PNG/JPEG images, either flat (unlabeled) or one sub-folder per class (the torchvision
 * ImageFolder layout; labels are the indexes of the sorted folder names). Each image is center-cropped to a square
 * and resized with {@link Resampler}; files are taken in sorted order so runs are reproducible.
 */
public final class ImageFolderReader {

    private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg");
    private static final double LUMA_R = 0.299;
    private static final double LUMA_G = 0.587;
    private static final double LUMA_B = 0.114;

    private ImageFolderReader() {
    }

    /**
     * @param size     output side in pixels
     * @param channels 1 (grayscale by luma) or 3 (RGB)
     * @param limit    0 for all images; otherwise at most this many, spread evenly over the classes
     */
    public static ImageSet read(Path dir, int size, int channels, int limit) {
        if (size <= 0) {
            throw new UserError("image size must be positive (got " + size + ")");
        }
        if (channels != 1 && channels != 3) {
            throw new UserError("image channels must be 1 or 3 (got " + channels + ")");
        }
        if (limit < 0) {
            throw new UserError("image limit must be 0 (all) or positive (got " + limit + ")");
        }
        DataFiles.requireDirectory(dir, "set data.path to a folder of PNG or JPEG images");
        List<Path> loose = images(dir);
        List<Path> classFolders = new ArrayList<>();
        List<List<Path>> perClass = new ArrayList<>();
        for (Path sub : subFolders(dir)) {
            List<Path> files = images(sub);
            if (!files.isEmpty()) {
                classFolders.add(sub);
                perClass.add(files);
            }
        }
        if (!loose.isEmpty() && !classFolders.isEmpty()) {
            throw new UserError("folder " + dir + " mixes " + loose.size() + " loose images with "
                    + classFolders.size() + " class sub-folders; move the loose images into a sub-folder or away");
        }
        List<Path> files = new ArrayList<>();
        List<Integer> labelList = new ArrayList<>();
        List<String> classNames = new ArrayList<>();
        if (classFolders.isEmpty()) {
            if (loose.isEmpty()) {
                throw new UserError("folder " + dir + " has no PNG or JPEG images (nor class sub-folders with any)");
            }
            perClass.add(loose);
        } else {
            classFolders.forEach(f -> classNames.add(f.getFileName().toString()));
        }
        selectBalanced(perClass, limit, files, labelList);
        boolean labeled = !classFolders.isEmpty();

        int count = files.size();
        int imageSize = channels * size * size;
        if ((long) count * imageSize > Integer.MAX_VALUE - 8) {
            throw new UserError("folder " + dir + ": " + count + " images of " + channels + "x" + size + "x" + size
                    + " are too many to load into memory (set a smaller limit or image size)");
        }
        float[] pixels = new float[count * imageSize];
        UserError[] errors = new UserError[count];
        // Decoding dominates and files are independent; errors are collected so the first one in sorted order
        // is reported, not whichever thread failed first.
        IntStream.range(0, count).parallel().forEach(i -> {
            try {
                load(files.get(i), size, channels, pixels, i * imageSize);
            } catch (UserError e) {
                errors[i] = e;
            }
        });
        for (UserError e : errors) {
            if (e != null) {
                throw e;
            }
        }
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = labeled ? labelList.get(i) : -1;
        }
        return new ImageSet(count, channels, size, size, pixels, labels, classNames, dir.toString());
    }

    /**
     * All files when limit is 0; otherwise round-robin over classes so a quick run still sees every class, then
     * back into (class, file) order.
     */
    private static void selectBalanced(List<List<Path>> perClass, int limit, List<Path> files, List<Integer> labels) {
        int total = perClass.stream().mapToInt(List::size).sum();
        int take = limit == 0 ? total : Math.min(limit, total);
        int[] taken = new int[perClass.size()];
        int remaining = take;
        for (int round = 0; remaining > 0; round++) {
            for (int c = 0; c < perClass.size() && remaining > 0; c++) {
                if (round < perClass.get(c).size()) {
                    taken[c]++;
                    remaining--;
                }
            }
        }
        for (int c = 0; c < perClass.size(); c++) {
            for (int i = 0; i < taken[c]; i++) {
                files.add(perClass.get(c).get(i));
                labels.add(c);
            }
        }
    }

    private static void load(Path file, int size, int channels, float[] dst, int offset) {
        BufferedImage image = ImageFiles.read(file, DataFiles.MAX_SIDE, "image sides over " + DataFiles.MAX_SIDE
                + " pixels are not read (shrink it first: the networks see at most 64x64)");
        int h = image.getHeight();
        int w = image.getWidth();
        float[] planes = toPlanes(image, channels);
        float[] resized = new float[channels * size * size];
        Resampler.cropResize(planes, 0, channels, h, w, size, resized, 0);
        for (int i = 0; i < resized.length; i++) {
            dst[offset + i] = (float) Math.max(-1.0, Math.min(1.0, resized[i] / 127.5 - 1.0));
        }
    }

    /**
     * Planes of 0..255 values. Transparent pixels are composited over white, the background sprite and icon
     * datasets are drawn on. Gray images are read from the raster because getRGB would apply a linear-to-sRGB
     * gamma curve to them (gray 128 comes back as 188).
     */
    private static float[] toPlanes(BufferedImage image, int channels) {
        int h = image.getHeight();
        int w = image.getWidth();
        int n = h * w;
        float[] planes = new float[channels * n];
        ColorModel cm = image.getColorModel();
        if (isPlainGray(cm)) {
            Raster raster = image.getRaster();
            double grayMax = (1 << cm.getComponentSize(0)) - 1;
            double alphaMax = cm.hasAlpha() ? (1 << cm.getComponentSize(1)) - 1 : 1;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    double gray = raster.getSample(x, y, 0) * 255.0 / grayMax;
                    double alpha = cm.hasAlpha() ? raster.getSample(x, y, 1) / alphaMax : 1.0;
                    float v = (float) (gray * alpha + 255.0 * (1 - alpha));
                    for (int c = 0; c < channels; c++) {
                        planes[c * n + y * w + x] = v;
                    }
                }
            }
            return planes;
        }
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        for (int i = 0; i < n; i++) {
            int p = argb[i];
            double alpha = ((p >>> 24) & 0xFF) / 255.0;
            double background = 255.0 * (1 - alpha);
            double r = ((p >> 16) & 0xFF) * alpha + background;
            double g = ((p >> 8) & 0xFF) * alpha + background;
            double b = (p & 0xFF) * alpha + background;
            if (channels == 1) {
                planes[i] = (float) (LUMA_R * r + LUMA_G * g + LUMA_B * b);
            } else {
                planes[i] = (float) r;
                planes[n + i] = (float) g;
                planes[2 * n + i] = (float) b;
            }
        }
        return planes;
    }

    private static boolean isPlainGray(ColorModel cm) {
        return !(cm instanceof IndexColorModel) && cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY
                && cm.getNumComponents() == (cm.hasAlpha() ? 2 : 1);
    }

    private static List<Path> images(Path folder) {
        List<Path> result = new ArrayList<>();
        for (Path p : entries(folder)) {
            if (Files.isRegularFile(p) && isImageName(p.getFileName().toString())) {
                result.add(p);
            }
        }
        return result;
    }

    private static List<Path> subFolders(Path folder) {
        List<Path> result = new ArrayList<>();
        for (Path p : entries(folder)) {
            if (Files.isDirectory(p)) {
                result.add(p);
            }
        }
        return result;
    }

    /** Sorted, without hidden entries (.DS_Store, .ipynb_checkpoints) that would become bogus classes or images. */
    private static List<Path> entries(Path folder) {
        List<Path> result = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            for (Path p : stream) {
                if (!p.getFileName().toString().startsWith(".")) {
                    result.add(p);
                }
            }
        } catch (IOException e) {
            throw DataFiles.ioError(folder, e);
        }
        result.sort(null);
        return result;
    }

    private static boolean isImageName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(lower::endsWith);
    }
}
