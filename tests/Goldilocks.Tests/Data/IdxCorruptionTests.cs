
namespace Goldilocks.Tests.Data;

/// <summary>Every corrupt or missing FashionMNIST file gives an exception naming the file and the problem.</summary>
public sealed class IdxCorruptionTests
{
    private static readonly byte[] Body = Enumerable.Repeat((byte)1, 2 * 28 * 28).ToArray();

    private static void ShouldFail(DataFiles files, string file, string problem)
    {
        var act = () => FashionMnist.Split(files.Folder);
        act.Should().Throw<InvalidDataException>().Which.Message.Should().Contain(file).And.Contain(problem);
    }

    [Test]
    public void Valid_files_load_in_gzip_and_raw_form_with_the_right_shape()
    {
        foreach (bool gzip in new[] { false, true })
        {
            using var files = new DataFiles();
            files.WriteFashion(20, gzip);
            using var data = FashionMnist.Load(files.Folder, flatten: false, standardize: false);
            data.Inputs.shape.Should().Equal(20, 1, 28, 28);
            using var scope = torch.NewDisposeScope();
            data.Inputs[1, 0, 0, 3].item<double>().Should().Be((784 + 3) * 7 % 256 / 255.0);
            data.Targets.data<long>().ToArray().Should().Equal(Enumerable.Range(0, 20).Select(i => (long)(i % 10)));
        }
    }

    [Test]
    public void Bad_magic_number_is_named()
    {
        using var files = new DataFiles();
        files.WriteFashion(2);
        files.Write("train-images-idx3-ubyte", DataFiles.Idx(3, new[] { 2, 28, 28 }, Body, type: 0x0D));
        ShouldFail(files, "train-images-idx3-ubyte", "bad IDX magic number");
    }

    [Test]
    public void Wrong_number_of_dimensions_is_named()
    {
        using var files = new DataFiles();
        files.WriteFashion(2);
        files.Write("train-images-idx3-ubyte", DataFiles.Idx(2, new[] { 2, 784 }, Body));
        ShouldFail(files, "train-images-idx3-ubyte", "2 dimensions, expected 3");
    }

    [Test]
    public void Truncated_body_and_trailing_bytes_are_named()
    {
        using var files = new DataFiles();
        files.WriteFashion(2);
        files.Write("train-images-idx3-ubyte", DataFiles.Idx(3, new[] { 2, 28, 28 }, Body[..^10]));
        ShouldFail(files, "train-images-idx3-ubyte", "truncated");
        files.Write("train-images-idx3-ubyte", DataFiles.Idx(3, new[] { 2, 28, 28 }, Body.Append((byte)0).ToArray()));
        ShouldFail(files, "train-images-idx3-ubyte", "trailing data");
    }

    [Test]
    public void Empty_and_header_only_files_are_named()
    {
        using var files = new DataFiles();
        files.WriteFashion(2);
        files.Write("train-labels-idx1-ubyte", Array.Empty<byte>());
        ShouldFail(files, "train-labels-idx1-ubyte", "empty");
        files.Write("train-labels-idx1-ubyte", new byte[] { 0, 0, 8, 1, 0 });
        ShouldFail(files, "train-labels-idx1-ubyte", "truncated IDX header");
    }

    [Test]
    public void Corrupt_gzip_stream_is_named()
    {
        using var files = new DataFiles();
        files.WriteFashion(2, gzip: true);
        var bytes = File.ReadAllBytes(files.In("train-images-idx3-ubyte.gz"));
        for (int i = 12; i < bytes.Length - 8; i++) bytes[i] ^= 0x5A;
        File.WriteAllBytes(files.In("train-images-idx3-ubyte.gz"), bytes);
        ShouldFail(files, "train-images-idx3-ubyte.gz", "corrupt gzip");
    }

    [Test]
    public void Image_and_label_counts_must_agree()
    {
        using var files = new DataFiles();
        files.WriteFashion(3, labelCount: 4);
        ShouldFail(files, "train-images-idx3-ubyte", "3 images but");
    }

    [Test]
    public void Labels_out_of_range_are_named_with_their_index()
    {
        using var files = new DataFiles();
        files.WriteFashion(3, mutateLabels: l => { l[2] = 10; return l; });
        ShouldFail(files, "train-labels-idx1-ubyte", "label 10 at index 2 is out of range");
    }

    [Test]
    public void Missing_files_say_how_to_install()
    {
        using var files = new DataFiles();
        var act = () => FashionMnist.Load(files.Folder);
        act.Should().Throw<FileNotFoundException>().WithMessage("*apt-get install dataset-fashion-mnist*");
        FashionMnist.IsAvailable(files.Folder).Should().BeFalse();
    }

    [Test]
    public void Decoded_splits_are_cached_until_the_file_changes()
    {
        using var files = new DataFiles();
        files.WriteFashion(10);
        var first = FashionMnist.Split(files.Folder);
        FashionMnist.Split(files.Folder).Should().BeSameAs(first);
        files.WriteFashion(20);
        var second = FashionMnist.Split(files.Folder);
        second.Should().NotBeSameAs(first);
        second.Count.Should().Be(20);
    }
}
